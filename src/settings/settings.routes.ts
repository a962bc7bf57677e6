import { Type } from '@fastify/type-provider-typebox';
import { invalidFields } from '../errors.js';
import type { AdminApp } from '../newsroom/admin.plugin.js';
import { checkSettings, type SettingsService, type SiteSettings } from './settings.service.js';

const SettingsPatch = Type.Object(
  {
    siteName: Type.Optional(Type.String({ maxLength: 200 })),
    tagline: Type.Optional(Type.String({ maxLength: 400 })),
    deskName: Type.Optional(Type.String({ maxLength: 200 })),
    timeZone: Type.Optional(Type.String({ maxLength: 64 })),
    locale: Type.Optional(Type.String({ maxLength: 35 })),
    language: Type.Optional(Type.String({ maxLength: 35 })),
    logoImageId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    commentsDefaultMode: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('premoderated'), Type.Literal('closed')]),
    ),
    navigation: Type.Optional(
      Type.Array(Type.Object({ label: Type.String({ maxLength: 200 }), url: Type.String({ maxLength: 2000 }) }), {
        maxItems: 50,
      }),
    ),
  },
  { additionalProperties: false },
);

export interface SettingsRouteDeps {
  settings: SettingsService;
  /** Every reader page shows the settings (name, date, navigation): start them all afresh. */
  purgeAll: () => void;
  imageExists: (id: number) => Promise<boolean>;
}

export function registerSettingsRoutes(app: AdminApp, deps: SettingsRouteDeps) {
  app.get('/settings', { config: { access: 'settings.manage' }, schema: { tags: ['settings'] } }, async () =>
    deps.settings.load(),
  );

  app.patch(
    '/settings',
    { config: { access: 'settings.manage' }, schema: { tags: ['settings'], body: SettingsPatch } },
    async (request) => {
      const patch = request.body as Partial<SiteSettings>;
      const problems = checkSettings(patch);
      if (patch.logoImageId != null && !(await deps.imageExists(patch.logoImageId))) {
        problems.push({ field: 'logoImageId', message: 'Choose an image from the media library.' });
      }
      if (problems.length > 0) throw invalidFields(problems);
      const saved = await deps.settings.update(patch);
      deps.purgeAll();
      return saved;
    },
  );
}
