import { parseArgs } from 'node:util';
import { closeServices, createServices, type Services } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { AppError } from './errors.js';
import { type StaffRole, staffRoles } from './newsroom/newsroom.table.js';

const usage = `Newsdesk administration

  npm run newsdesk -- user create --role owner --email ana@example.com [--name "Ana Reyes"] [--password-stdin]
      Creates a staff account. With --password-stdin the password is read from standard input
      and the account is active at once; without it an invitation is mailed (or kept in the
      outbox when no SMTP relay is configured).
  npm run newsdesk -- user list
  npm run newsdesk -- user reset-password --email ana@example.com
      Mails a password-reset link.
  npm run newsdesk -- jobs
      Shows queued, running and failed background jobs.
  npm run newsdesk -- migrate
      Brings the database schema up to date (the server also does this when it starts).

The database and mail settings are read from the environment, as for the server.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function userCreate(services: Services, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  if (!values.role || !staffRoles.includes(values.role as StaffRole)) {
    throw new UsageError(`--role must be one of ${staffRoles.join(', ')}`);
  }
  if (!values.email) throw new UsageError('--email is required');
  const password = values['password-stdin'] ? await readStdin() : undefined;
  const staff = await services.staff.createStaff({
    email: values.email,
    name: values.name ?? values.email.split('@')[0] ?? values.email,
    role: values.role as StaffRole,
    ...(password !== undefined ? { password } : {}),
  });
  if (staff.status === 'active') {
    console.log(`Created ${staff.role} ${staff.email} (id ${staff.id}). They can sign in at /newsroom/ now.`);
  } else {
    // Deliver now rather than leave it to the server's job runner.
    await services.jobs.runDue();
    console.log(
      `Invited ${staff.role} ${staff.email} (id ${staff.id}). ` +
        (services.mail.configured
          ? 'The invitation has been mailed.'
          : `No SMTP relay is configured, so here is their link (valid for 7 days, once):\n${staff.invitationUrl}`),
    );
  }
}

async function userList(services: Services) {
  const rows = await services.staff.list();
  if (rows.length === 0) console.log('No staff accounts yet. Create the owner with: user create --role owner');
  for (const s of rows)
    console.log(`${String(s.id).padStart(4)}  ${s.role.padEnd(11)} ${s.status.padEnd(9)} ${s.email}  ${s.name}`);
}

async function userResetPassword(services: Services, args: string[]) {
  const { values } = parseArgs({ args, options: { email: { type: 'string' } } });
  if (!values.email) throw new UsageError('--email is required');
  await services.staff.requestPasswordReset(values.email);
  await services.jobs.runDue();
  console.log(`If ${values.email} has an active account, a reset link has been sent (or kept in the outbox).`);
}

async function jobs(services: Services) {
  const summary = await services.jobs.summary();
  console.log(`queued ${summary.queued}, running ${summary.running}, failed ${summary.failed}`);
  for (const f of summary.recentFailures) console.log(`  #${f.id} ${f.kind} at ${f.updatedAt}: ${f.lastError ?? ''}`);
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (!group || group === 'help' || group === '--help') {
    console.log(usage);
    return group ? 0 : 2;
  }
  const config = loadConfig();
  const services = await createServices(config);
  try {
    if (group === 'user' && command === 'create') await userCreate(services, rest);
    else if (group === 'user' && command === 'list') await userList(services);
    else if (group === 'user' && command === 'reset-password') await userResetPassword(services, rest);
    else if (group === 'jobs') await jobs(services);
    else if (group === 'migrate') console.log('The database schema is up to date.');
    else throw new UsageError(`Unknown command: ${argv.join(' ')}`);
    return 0;
  } finally {
    await closeServices(services);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
    else if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof AppError) {
      const fields = error.details?.fields?.map((f) => `  ${f.field}: ${f.message}`).join('\n');
      console.error(fields ? `${error.message}\n${fields}` : error.message);
    } else console.error(error);
    process.exitCode = 1;
  },
);
