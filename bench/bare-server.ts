import fs from 'node:fs';
import http from 'node:http';

/**
 * The ceiling: a bare Node http server answering one fixed response. Given the bytes and
 * headers a cached Newsdesk page answers with, it shows what this machine can do at best.
 */
const [bodyFile, headersFile, port] = process.argv.slice(2);
if (!bodyFile || !headersFile || !port) {
  console.error('usage: bare-server <body file> <headers json> <port>');
  process.exit(2);
}
const body = fs.readFileSync(bodyFile);
const headers = JSON.parse(fs.readFileSync(headersFile, 'utf8')) as (string | number)[];
http
  .createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`bare server on ${port}`));
