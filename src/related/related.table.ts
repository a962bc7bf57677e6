export interface ArticleRelatedTable {
  article_id: number;
  related_id: number;
  rank: number;
  score: number;
}

export interface RelatedOverridesTable {
  article_id: number;
  related_id: number;
  mode: 'pin' | 'exclude';
  position: number;
  created_at: string;
}

export interface ArticleTermsTable {
  article_id: number;
  term: string;
  weight: number;
}

export interface TermStatsTable {
  term: string;
  df: number;
}
