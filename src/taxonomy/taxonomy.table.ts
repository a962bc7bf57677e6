import type { Generated } from 'kysely';

export interface SectionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  position: Generated<number>;
  in_navigation: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  created_at: string;
  updated_at: string;
}

export type AuthorKind = 'staff' | 'columnist' | 'desk' | 'contributor' | 'guest';

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  title: Generated<string>;
  bio: Generated<string>;
  kind: Generated<AuthorKind>;
  email: string | null;
  avatar_image_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface StoriesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  description: Generated<string>;
  status: Generated<'developing' | 'concluded'>;
  created_at: string;
  updated_at: string;
}
