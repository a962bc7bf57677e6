import type { AuthorSlug, ImageKey, SectionSlug } from './types.js';

export const siteDefaults = {
  name: 'The Calder Bay Courier',
  tagline: 'News from Calder Bay and the wider world',
  deskName: 'Courier News Desk',
};

export const sections: { slug: SectionSlug; name: string; description: string }[] = [
  { slug: 'city', name: 'City', description: 'Calder Bay: its streets, services, neighbourhoods and people.' },
  { slug: 'politics', name: 'Politics', description: 'City hall, the regional assembly and the people who run them.' },
  { slug: 'business', name: 'Business', description: 'The port, the markets and the companies of the bay.' },
  { slug: 'world', name: 'World', description: 'Wire reports and analysis from beyond the bay.' },
  { slug: 'sport', name: 'Sport', description: 'Calder Bay Mariners, the harbour regatta and grassroots clubs.' },
  { slug: 'culture', name: 'Culture', description: 'Theatre, music, books and the arts across the city.' },
  { slug: 'science', name: 'Science', description: 'Research, climate and technology from the university and beyond.' },
  { slug: 'opinion', name: 'Opinion', description: 'Columns, editorials and letters.' },
];

export const authors: {
  slug: AuthorSlug;
  name: string;
  title: string;
  bio: string;
  kind: 'staff' | 'columnist' | 'desk';
}[] = [
  {
    slug: 'mara-okonkwo',
    name: 'Mara Okonkwo',
    title: 'City Editor',
    kind: 'staff',
    bio: 'Mara has covered Calder Bay’s neighbourhoods, courts and council for eleven years.',
  },
  {
    slug: 'tomas-reyes',
    name: 'Tomás Reyes',
    title: 'Political Correspondent',
    kind: 'staff',
    bio: 'Tomás reports on city hall and the Eastmarch regional assembly.',
  },
  {
    slug: 'ines-halvorsen',
    name: 'Ines Halvorsen',
    title: 'Business Reporter',
    kind: 'staff',
    bio: 'Ines follows the port, shipping, housing and the bay’s small businesses.',
  },
  {
    slug: 'devi-castellanos',
    name: 'Devi Castellanos',
    title: 'Science and Climate Reporter',
    kind: 'staff',
    bio: 'Devi writes about research at Calder Bay University, the coast and the climate.',
  },
  {
    slug: 'jonah-whitcombe',
    name: 'Jonah Whitcombe',
    title: 'Sports Writer',
    kind: 'staff',
    bio: 'Jonah has followed the Calder Bay Mariners home and away since 2015.',
  },
  {
    slug: 'priya-lindqvist',
    name: 'Priya Lindqvist',
    title: 'Culture Columnist',
    kind: 'columnist',
    bio: 'Priya writes a weekly column on the arts, books and city life.',
  },
  {
    slug: 'samuel-achterberg',
    name: 'Samuel Achterberg',
    title: 'Opinion Editor',
    kind: 'columnist',
    bio: 'Samuel edits the opinion pages and writes on civic life.',
  },
  {
    slug: 'news-desk',
    name: 'Courier News Desk',
    title: 'Staff',
    kind: 'desk',
    bio: 'Reporting by the Courier’s news desk, often with wire agencies.',
  },
];

export const tags: { slug: string; name: string }[] = [
  { slug: 'harbour-bridge', name: 'Harbour Bridge' },
  { slug: 'transport', name: 'Transport' },
  { slug: 'city-council', name: 'City Council' },
  { slug: 'housing', name: 'Housing' },
  { slug: 'port-of-calder', name: 'Port of Calder' },
  { slug: 'economy', name: 'Economy' },
  { slug: 'climate', name: 'Climate' },
  { slug: 'energy', name: 'Energy' },
  { slug: 'university', name: 'Calder Bay University' },
  { slug: 'health', name: 'Health' },
  { slug: 'education', name: 'Education' },
  { slug: 'mariners', name: 'Calder Bay Mariners' },
  { slug: 'regatta', name: 'Harbour Regatta' },
  { slug: 'theatre', name: 'Theatre' },
  { slug: 'music', name: 'Music' },
  { slug: 'books', name: 'Books' },
  { slug: 'elections', name: 'Elections' },
  { slug: 'courts', name: 'Courts' },
  { slug: 'environment', name: 'Environment' },
  { slug: 'technology', name: 'Technology' },
  { slug: 'trade', name: 'Trade' },
  { slug: 'weather', name: 'Weather' },
];

export const stories = [
  {
    slug: 'harbour-bridge-closure',
    title: 'The Harbour Bridge closure',
    description: 'The emergency closure of the Calder Harbour Bridge, its causes and what follows for the city.',
  },
];

/**
 * The demo images are drawn locally (SVG rendered by sharp), so alt text describes
 * the illustration as it is: simple shapes and colours, not a photograph.
 */
export const images: Record<
  ImageKey,
  { alt: string; caption: string; credit: string; palette: [string, string, string] }
> = {
  harbour: {
    alt: 'Illustration of a harbour at dusk: dark blue water, cranes and a low orange sun',
    caption: 'The inner harbour at dusk.',
    credit: 'Illustration: Courier graphics',
    palette: ['#0b3954', '#087e8b', '#ff5a5f'],
  },
  bridge: {
    alt: 'Illustration of a suspension bridge over grey water under a pale sky',
    caption: 'The Calder Harbour Bridge.',
    credit: 'Illustration: Courier graphics',
    palette: ['#2d3142', '#4f5d75', '#ef8354'],
  },
  council: {
    alt: 'Illustration of a columned civic building in warm sandstone tones',
    caption: 'Calder Bay City Hall.',
    credit: 'Illustration: Courier graphics',
    palette: ['#6b4226', '#d9a066', '#f4e3c1'],
  },
  market: {
    alt: 'Illustration of market stalls with striped awnings in red and yellow',
    caption: 'The Saltgate market.',
    credit: 'Illustration: Courier graphics',
    palette: ['#9e2a2b', '#e09f3e', '#fff3b0'],
  },
  stadium: {
    alt: 'Illustration of a floodlit stadium with a green pitch at night',
    caption: 'Brackwater Park, home of the Mariners.',
    credit: 'Illustration: Courier graphics',
    palette: ['#1b4332', '#40916c', '#d8f3dc'],
  },
  laboratory: {
    alt: 'Illustration of laboratory glassware in blue and violet light',
    caption: 'A laboratory at Calder Bay University.',
    credit: 'Illustration: Courier graphics',
    palette: ['#240046', '#5a189a', '#9d4edd'],
  },
  theatre: {
    alt: 'Illustration of a theatre stage with a red curtain and a single spotlight',
    caption: 'The Lantern Theatre.',
    credit: 'Illustration: Courier graphics',
    palette: ['#370617', '#9d0208', '#ffba08'],
  },
  skyline: {
    alt: 'Illustration of a city skyline of tall blocks against a teal sky',
    caption: 'The Calder Bay skyline from the east quay.',
    credit: 'Illustration: Courier graphics',
    palette: ['#003049', '#669bbc', '#fdf0d5'],
  },
  railway: {
    alt: 'Illustration of railway tracks curving towards a low hill',
    caption: 'The coastal line near Fennick.',
    credit: 'Illustration: Courier graphics',
    palette: ['#3d405b', '#81b29a', '#f2cc8f'],
  },
  forest: {
    alt: 'Illustration of a dense green forest on a ridge under mist',
    caption: 'The Wyndham ridge forest.',
    credit: 'Illustration: Courier graphics',
    palette: ['#081c15', '#2d6a4f', '#b7e4c7'],
  },
  courthouse: {
    alt: 'Illustration of a stone courthouse with tall narrow windows',
    caption: 'Calder Bay Crown Court.',
    credit: 'Illustration: Courier graphics',
    palette: ['#212529', '#6c757d', '#dee2e6'],
  },
  festival: {
    alt: 'Illustration of strings of coloured lights over a crowded square at night',
    caption: 'The Lantern Festival in Saltgate Square.',
    credit: 'Illustration: Courier graphics',
    palette: ['#10002b', '#e0aaff', '#ffd60a'],
  },
  ferry: {
    alt: 'Illustration of a white ferry crossing a choppy blue bay',
    caption: 'A cross-bay ferry leaves the north pier.',
    credit: 'Illustration: Courier graphics',
    palette: ['#023e8a', '#48cae4', '#ffffff'],
  },
  'wind-farm': {
    alt: 'Illustration of white wind turbines standing in a grey-green sea',
    caption: 'The Outer Shoals wind farm.',
    credit: 'Illustration: Courier graphics',
    palette: ['#264653', '#2a9d8f', '#e9c46a'],
  },
};
