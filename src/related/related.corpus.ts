// A test corpus for the related-stories engine.
//
// Thirty-six invented news articles about the fictional city of Calder Bay: six topics,
// six articles each. Every person, company and institution here is made up.
//
// The corpus is meant to be an honest test rather than an easily separable one:
// - all bodies share ordinary news vocabulary (council, city, said, million, residents,
//   plan, week), so that vocabulary alone cannot separate the topics;
// - sections cross topics ('city', 'business', 'politics' and 'science' each appear in
//   several topics), and so do tags ('city-council', 'budget', 'economy', 'university',
//   'port-of-calder');
// - within a topic, tags vary, and one article per topic carries no topical tag at all
//   (only generic tags, or none);
// - within a topic, articles cover different events, people and numbers, so similarity
//   has to come from the subject vocabulary rather than repeated sentences;
// - a few articles mention another topic in passing (the bridge closure in a football
//   story, rents in a school meals story, subsea cables in a wind farm story).

export interface CorpusArticle {
  /** One of the topic ids: 'bridge-repairs', 'housing-prices', 'mariners-football', 'wind-farm', 'school-meals', 'theatre-season'. */
  topic: string;
  headline: string;
  standfirst: string;
  /** One of: 'city', 'politics', 'business', 'world', 'sport', 'culture', 'science'. */
  section: string;
  /** Tag slugs, lowercase and hyphenated. */
  tags: string[];
  /** Plain text paragraphs separated by blank lines. */
  body: string;
}

export const relatedCorpus: CorpusArticle[] = [
  // bridge-repairs
  {
    topic: 'bridge-repairs',
    headline: 'Harbour Bridge to stay shut for at least ten weeks as cable repairs begin',
    standfirst:
      'Engineers found corroded strands in two main suspension cables during a routine inspection, the council said.',
    section: 'city',
    tags: ['harbour-bridge', 'transport', 'city-council'],
    body: [
      'The Calder Harbour Bridge will remain closed to all traffic for at least ten weeks while engineers replace corroded strands in two of its main suspension cables, the city council said on Monday.',
      'Inspectors working from a rope access platform last week found that moisture had reached the wire bundles beneath the protective wrapping near the north tower. Tests on samples showed a loss of strength that the council’s structures team described as too large to ignore.',
      '“We will not reopen a bridge that carries forty thousand vehicles a day until we are certain the cables are sound,” said Aileen Marsh, the council’s head of highways. “That is an inconvenience for residents, and I am sorry for it, but it is the right call.”',
      'Buses are being diverted around the inner harbour by the Saltgate road, adding up to thirty-five minutes to journeys from the north shore. Extra ferry sailings from the north pier begin on Wednesday.',
      'The repair plan involves unwrapping each cable, drying the strands with dehumidified air and splicing in new wire where the corrosion is worst. The council has set aside an initial £4.2 million for the work.',
    ].join('\n\n'),
  },
  {
    topic: 'bridge-repairs',
    headline: 'Hauliers count the cost of bridge closure as port traffic backs up',
    standfirst:
      'Freight firms say the detour around the inner harbour is adding hours to deliveries from the container terminal.',
    section: 'business',
    tags: ['transport', 'port-of-calder', 'economy'],
    body: [
      'Haulage firms serving the Port of Calder say the closure of the Harbour Bridge is costing them thousands of pounds a week in extra fuel and driver hours, as lorries queue on the Saltgate road detour.',
      'Benedikt Oyelaran, who runs a fleet of thirty trucks from a depot in Fennick, said a round trip to the container terminal that took fifty minutes before the closure now takes more than two hours at peak times. “We have had drivers run out of legal hours before they get back to the yard,” he said.',
      'The Calder Bay Chamber of Commerce estimates that businesses on the north shore face combined losses of around £1.5 million for every month the crossing stays shut. It has asked the city council to allow freight to use the bridge’s outer lane at night once engineers have stabilised the damaged cables.',
      'The council said it would consider the request but that no traffic could cross while inspectors were still assessing the suspension system. A spokesperson said a temporary weight limit was one option being studied for a later stage of the repair plan.',
      'Port managers have meanwhile extended gate opening hours by three hours a day to spread the load.',
    ].join('\n\n'),
  },
  {
    topic: 'bridge-repairs',
    headline: 'Opposition demands inquiry into postponed bridge inspections',
    standfirst: 'Councillors say detailed checks on the Harbour Bridge cables were put off twice to save money.',
    section: 'politics',
    tags: ['harbour-bridge', 'city-council', 'budget'],
    body: [
      'Opposition councillors have called for an independent inquiry after documents showed that a detailed inspection of the Harbour Bridge cables was postponed twice in the past four years to ease pressure on the highways budget.',
      'The papers, released to the Courier under freedom of information rules, show that a full internal examination of the main cables was scheduled for 2021 and again for 2023 but was replaced each time with a visual survey from the deck. The deferrals saved around £600,000.',
      '“Residents were told the bridge was being looked after. It was being looked at, which is not the same thing,” said Councillor Rosalind Teague, who leads the Civic Alliance group. She will table a motion at next week’s full council meeting.',
      'The council leader, Hamid Castellane, said the decisions had been taken on the advice of engineers at the time and that no inspector had warned of a risk to safety. He said he would welcome a review by the regional assembly’s audit office but rejected calls for a public inquiry, which he said would cost millions and delay the repairs.',
      'The bridge has been closed since corrosion was found in its suspension cables this month.',
    ].join('\n\n'),
  },
  {
    topic: 'bridge-repairs',
    headline: 'Ferries add late sailings as north shore commuters face long detours',
    standfirst:
      'Queues at the north pier stretched past the ticket office in the first full week without the crossing.',
    section: 'city',
    tags: ['city-council'],
    body: [
      'Commuters from the north shore queued for up to forty minutes at the north pier on Monday as the first full working week without the Harbour Bridge began.',
      'The city council and the ferry operator, Baywater Crossings, agreed on Tuesday to add sailings every twenty minutes until eleven at night and to run a second vessel at peak times. Fares will be capped at the bus rate for the duration of the closure.',
      'Caitlin Brodie, a nurse who works early shifts at the Eastquay hospital, said her journey had grown from fifteen minutes by car to more than an hour. “You plan your whole day around the boat now,” she said.',
      'Traffic on the Saltgate road detour was at a standstill for much of Monday morning. The council has suspended roadworks on the route, retimed traffic lights at four junctions and posted marshals at the busiest roundabout.',
      'Officials said the measures would be reviewed weekly. The bridge, which carries the main road between the north shore and the city centre, was shut after engineers found corrosion inside its main cables. Repairs are expected to last most of the summer.',
    ].join('\n\n'),
  },
  {
    topic: 'bridge-repairs',
    headline: 'Sensors strung along bridge cables could spot corrosion years earlier, engineers say',
    standfirst:
      'A Calder Bay University team wants to fit acoustic monitors to the Harbour Bridge while it is closed for repairs.',
    section: 'science',
    tags: ['harbour-bridge', 'technology', 'university'],
    body: [
      'Researchers at Calder Bay University have proposed fitting the Harbour Bridge with acoustic sensors that listen for the tiny sounds made when individual wires inside a suspension cable snap.',
      'The technique, known as acoustic emission monitoring, is used on a handful of large bridges abroad. Each sensor clamps to the outside of a cable and records the sharp ping of a breaking strand, allowing engineers to build a map of where corrosion is concentrated without unwrapping the cable.',
      '“A visual inspection tells you what the cable looks like from the outside. These sensors tell you what is happening inside it, every day,” said Dr Okafor Lindgren, a structural engineer who leads the project.',
      'The team estimates that a network of about sixty sensors would cost £900,000 to install and a further £80,000 a year to run. The university has asked the city council to allow it to mount them while the bridge is closed and inspectors already have access to the cables.',
      'A council spokesperson said the proposal was being considered alongside the main repair plan. Engineers found corrosion in two cables earlier this month, forcing the closure of the crossing to all traffic.',
    ].join('\n\n'),
  },
  {
    topic: 'bridge-repairs',
    headline: 'Pedestrians allowed back on Harbour Bridge footway as cable work passes halfway',
    standfirst: 'Cars and buses remain barred, but walkers and cyclists can cross on the east side from Saturday.',
    section: 'city',
    tags: ['harbour-bridge', 'transport'],
    body: [
      'Walkers and cyclists will be allowed to cross the Harbour Bridge again from Saturday, the city council said, after engineers confirmed that the east footway is clear of the cable repair zone.',
      'The carriageway will stay closed to cars, buses and lorries. Contractors from Pellworth Structures have so far unwrapped and dried about half the length of the two damaged cables and replaced more than three hundred corroded wires, according to a progress report published on Thursday.',
      'The footway will open between six in the morning and ten at night, with stewards at each end. Cyclists will be asked to dismount on the central span, where scaffolding narrows the path to under two metres.',
      'Lorcan Abbas, who chairs the North Shore Residents’ Association, said the change would make a real difference to people who had been paying for ferries or sitting in traffic for weeks. “It is not the reopening we want, but it is a start,” he said.',
      'The council said it still expected the bridge to reopen to vehicles in late August, subject to final load tests on the repaired cables. The cost of the work has risen to £5.1 million.',
    ].join('\n\n'),
  },

  // housing-prices
  {
    topic: 'housing-prices',
    headline: 'Average rent in Calder Bay passes £1,400 a month for the first time',
    standfirst:
      'Figures from the council’s housing office show rents have risen by 11 per cent in a year as the number of homes to let falls.',
    section: 'city',
    tags: ['housing', 'rents', 'city-council'],
    body: [
      'The average monthly rent for a two-bedroom flat in Calder Bay has passed £1,400 for the first time, according to figures published by the city council’s housing office this week.',
      'Rents rose by 11 per cent over the past year, more than three times the rise in average wages across the city. The steepest increases were in Saltgate and the streets around the university, where tenants reported rises of up to 20 per cent when their tenancies came up for renewal.',
      'The number of homes advertised to let fell by almost a third over the same period. Letting agents said landlords were selling up or switching to short-term holiday lets, leaving more tenants competing for fewer properties.',
      '“Every viewing now has fifteen or twenty people at it,” said Marguerite Esposito, a lettings manager in the city centre. “Some families are offering six months of rent up front to secure a flat.”',
      'Councillor Fenwick Adeyemi, the housing lead, said the figures showed the scale of the shortage. He said the council would publish a plan next month to bring empty homes back into use and speed up approvals for new building.',
    ].join('\n\n'),
  },
  {
    topic: 'housing-prices',
    headline: 'Builders say planning delays are holding back thousands of new homes',
    standfirst: 'Developers are waiting on decisions for enough homes to house a small town, an industry survey finds.',
    section: 'business',
    tags: ['housing', 'economy'],
    body: [
      'Housebuilders in Calder Bay say delays in the planning system are holding back as many as 4,000 new homes, deepening a housing shortage that has pushed rents and house prices to record levels.',
      'A survey by the Eastmarch Home Builders Federation found that the average application for a development of more than fifty homes took nineteen months to decide. Rising construction costs and interest rates have made some projects unviable while they wait.',
      '“Every month a site sits in the queue, the numbers get worse,” said Dariusz Kellerman, managing director of Harrowgate Homes, which is waiting for a decision on 320 flats on former railway land in Fennick. “In the end some of these schemes simply will not be built.”',
      'The average house price in the city rose to £312,000 last quarter, according to mortgage lenders, while first-time buyers now need a deposit equal to almost two years of average earnings.',
      'The council said it had hired six extra planning officers and was clearing a backlog of applications. Critics say it has been slow to allocate land for housing along the old docks.',
    ].join('\n\n'),
  },
  {
    topic: 'housing-prices',
    headline: 'Council votes to license every private landlord in the city',
    standfirst:
      'The scheme will charge landlords £600 per property and fund extra inspectors to tackle damp and overcrowding.',
    section: 'politics',
    tags: ['city-council', 'budget'],
    body: [
      'Every private landlord in Calder Bay will need a licence to rent out homes from next spring, after the city council voted by 31 to 19 on Thursday night to adopt a citywide licensing scheme.',
      'Landlords will pay a fee of £600 per property for a five-year licence and must meet minimum standards on heating, damp and fire safety. The fees are expected to raise about £9 million over the life of the scheme, which will fund a team of twenty housing inspectors.',
      'Supporters said the measure would protect tenants who were afraid to complain about poor conditions because of the shortage of alternative homes. “People are living with mould on their children’s bedroom walls because they know there is nowhere else to go,” said Councillor Yasmin Fairclough.',
      'The Calder Bay Landlords Association said the fee would be passed on to tenants through higher rents and would push more small landlords to sell. Its chair, Gerald Penhaligon, said the group was considering a legal challenge.',
      'The council said landlords with a good record would qualify for a discount, and that the scheme would be reviewed after two years.',
    ].join('\n\n'),
  },
  {
    topic: 'housing-prices',
    headline: 'Employers turn landlord as high rents drive away workers',
    standfirst:
      'The port authority plans to convert a warehouse into flats for staff after losing recruits to cheaper cities.',
    section: 'business',
    tags: ['housing', 'port-of-calder', 'economy'],
    body: [
      'The Calder Bay Port Authority plans to turn a disused warehouse on the east quay into 84 flats for its own workers, saying the cost of renting in the city has made it almost impossible to recruit crane operators and engineers.',
      'The authority will spend £14 million converting the building and will let the flats to employees at about 70 per cent of market rent. Tenancies will be linked to employment, with staff given six months to move out if they leave.',
      '“We were offering jobs to people who accepted, looked at what a flat costs here, and turned us down a week later,” said Ingrid Solberg-Mahoney, the authority’s director of people. “Housing has become part of the pay packet.”',
      'The move follows similar plans from the regional hospital trust and Calder Bay University, which are both seeking land for staff accommodation.',
      'Housing campaigners gave the plan a cautious welcome but warned that linking a home to a job could leave tenants vulnerable. “If you lose your job, you lose your home at the same time,” said Tobiah Nwachukwu of the tenants’ union Renters Together. The plan still needs approval from the city council’s planning committee.',
    ].join('\n\n'),
  },
  {
    topic: 'housing-prices',
    headline: 'Students sleeping on sofas as term starts with too few rooms',
    standfirst:
      'The university says more than 300 students have yet to find a room, as private rents near the campus climb.',
    section: 'city',
    tags: ['housing', 'university', 'rents'],
    body: [
      'More than 300 students at Calder Bay University began the autumn term without a permanent place to live, the university said this week, as a shortage of rooms and rising rents near the campus left many sleeping on friends’ sofas or commuting from other towns.',
      'The university has block-booked rooms in two hotels on the seafront and opened a waiting list for its halls, which are full. A spokesperson said it was also paying for emergency beds in a converted office building in Saltgate.',
      'Lena Marchetti, a second-year nursing student, said she had viewed eleven shared houses over the summer and been outbid on every one. “Landlords ask for a guarantor, three months’ deposit and rent in advance. I don’t have that,” she said.',
      'A room in a shared house near the campus now costs an average of £720 a month, up from £560 two years ago, according to the students’ union, which is calling on the city council to limit the number of homes converted into holiday lets.',
      'The university plans to build 900 new bed spaces by 2028, but the first block will not open for two years.',
    ].join('\n\n'),
  },
  {
    topic: 'housing-prices',
    headline: 'Council spending on emergency housing triples in two years',
    standfirst: 'More than 600 families are living in temporary accommodation, many in hotel rooms without kitchens.',
    section: 'city',
    tags: ['housing', 'budget', 'city-council'],
    body: [
      'The number of Calder Bay families living in temporary accommodation has reached a record 640, and the city council’s spending on emergency housing has tripled in two years to £22 million, according to a report to councillors this week.',
      'Most of the families were made homeless when a private tenancy ended and they could not find another home they could afford. Around a third are housed in hotel and guest house rooms, where many have no kitchen and share a bathroom with other households.',
      '“You cannot cook a proper meal for three children on a kettle,” said Shona Velasquez, who has lived with her family in a single room at a seafront guest house since March. Her landlord sold the flat she had rented for six years.',
      'The report warns that the cost is now the largest single pressure on the council budget. Officials propose buying 150 former private rented homes over the next three years to use as temporary housing, which they say would be cheaper than paying nightly rates to hotels.',
      'Councillors will debate the plan next week. Housing charities said it should be matched by more social housing.',
    ].join('\n\n'),
  },

  // mariners-football
  {
    topic: 'mariners-football',
    headline: 'Late Quayle header lifts Mariners off the bottom of the table',
    standfirst: 'Brackwater Park erupts as the captain scores in stoppage time to beat Rowanford 2-1.',
    section: 'sport',
    tags: ['mariners', 'football'],
    body: [
      'Captain Declan Quayle scored with a header four minutes into stoppage time as Calder Bay Mariners beat Rowanford Athletic 2-1 at Brackwater Park on Saturday, lifting the club off the bottom of the league for the first time since August.',
      'Rowanford took the lead after twenty minutes when their striker, Ezra Mbatha, ran clear of a flat back four and lifted the ball over goalkeeper Tomasz Heald. The Mariners struggled to create chances until the interval, with their midfield repeatedly losing possession.',
      'Manager Carys Dunmore changed the shape at half-time, bringing on the winger Felix Arkwright, and the home side levelled on the hour when Arkwright’s low cross was turned in by Sami Oduya.',
      'The winner came from a corner. Arkwright’s delivery curled towards the penalty spot and Quayle rose above two defenders to send the ball into the top corner, sparking wild celebrations among a crowd of 11,400.',
      '“We needed that more than I can put into words,” Dunmore said. “The players showed real character.”',
      'The Mariners travel to Hollins Vale next week.',
    ].join('\n\n'),
  },
  {
    topic: 'mariners-football',
    headline: 'Mariners post £3.8 million loss as wage bill climbs',
    standfirst:
      'The club’s accounts show it spent more on wages than it earned from tickets, sponsorship and broadcasting last season.',
    section: 'business',
    tags: ['mariners', 'economy'],
    body: [
      'Calder Bay Mariners lost £3.8 million last season, according to accounts filed this week, as the football club’s wage bill rose faster than its income from tickets, sponsorship and broadcasting.',
      'The club spent £14.6 million on wages for players and staff, equal to 104 per cent of its turnover. Match-day revenue at Brackwater Park fell by 6 per cent after a run of poor results reduced crowds in the second half of the season.',
      'The owner, shipping businessman Arvid Thorsby-Kane, has converted £5 million of loans into shares to keep the club within the league’s financial rules. In a statement alongside the accounts, he said the board had a plan to reduce wages by a fifth over two seasons without weakening the squad.',
      'Fans’ groups said the figures showed the risk of relying on a single owner. The Mariners Supporters Trust has asked for a seat on the board and for the ground to be protected from any sale.',
      '“Brackwater Park belongs to this city as much as to any balance sheet,” said the trust’s secretary, Niamh Garvey.',
      'The club said it had no plans to sell the stadium.',
    ].join('\n\n'),
  },
  {
    topic: 'mariners-football',
    headline: 'Council weighs £20 million loan for new Brackwater Park stand',
    standfirst:
      'Supporters say a bigger stadium would lift the club; critics ask why public money should fund a football ground.',
    section: 'politics',
    tags: ['mariners', 'city-council', 'budget'],
    body: [
      'The city council is considering lending Calder Bay Mariners £20 million to build a new 6,000-seat stand at Brackwater Park, a report to the cabinet has revealed.',
      'The football club wants to replace the ageing south terrace, which has been closed to home supporters since safety engineers restricted its capacity two seasons ago. The new stand would include a community sports hall, a café and space for a youth academy.',
      'Under the proposal, the club would repay the loan over twenty-five years from match-day income, with the ground used as security. Officials estimate the council would earn about £7 million in interest over the life of the deal.',
      'Councillor Idris Pemberton-Lowe, the cabinet member for regeneration, said the project would bring thousands of visitors into the east of the city on match days. “This is an investment, not a handout,” he said.',
      'Opposition members questioned whether the club, which made a loss last season, could afford the repayments. “Residents are being told there is no money for libraries, but there is money for a football stand,” said Councillor Beatrix Olumide.',
      'The cabinet will make a decision next week.',
    ].join('\n\n'),
  },
  {
    topic: 'mariners-football',
    headline: 'Seventeen-year-old Lomax signs first professional contract with Mariners',
    standfirst: 'The academy forward has scored eleven goals for the under-18s this season.',
    section: 'sport',
    tags: ['mariners'],
    body: [
      'Calder Bay Mariners have handed a first professional contract to Jesse Lomax, a seventeen-year-old forward who has scored eleven goals in fourteen games for the club’s under-18 side this season.',
      'Lomax, who grew up on the Fennick estate a mile from Brackwater Park, joined the academy at the age of nine. He made his debut for the first team as a substitute in a cup tie last month and has trained with the senior squad since.',
      '“He is quick, he is brave and he finishes with both feet,” said the academy director, Oona Brackenridge. “The hardest thing now will be keeping his feet on the ground.”',
      'The three-year deal makes Lomax the fourth academy graduate in the current first-team squad. The club has made developing its own players a central part of its plan to cut costs after a difficult season financially.',
      'Lomax said he had supported the Mariners since he was a child. “My granddad took me to my first match in the family stand when I was five. Now I am in the dressing room with players I used to have on posters,” he said.',
      'He is expected to be on the bench for Saturday’s league game against Kestrel Town.',
    ].join('\n\n'),
  },
  {
    topic: 'mariners-football',
    headline: 'Derby kick-off moved to midday after police raise safety concerns',
    standfirst: 'Supporters’ groups say the change will keep families away from the match against Port Ellery.',
    section: 'city',
    tags: [],
    body: [
      'The football derby between Calder Bay Mariners and Port Ellery United will kick off at midday rather than in the evening after police warned that a late start would stretch officers across the city.',
      'Eastmarch Police said the fixture at Brackwater Park next month would coincide with a large concert on the waterfront and with the continuing closure of the Harbour Bridge, which has pushed traffic through the streets around the ground. Officers will escort away supporters from the railway station to the stadium.',
      'The last derby at Brackwater Park ended with eleven arrests after fighting outside the away end.',
      'The Mariners said they had accepted the decision reluctantly. Season ticket holders who cannot attend will be able to resell their seats through the club.',
      'Supporters’ groups said the early kick-off would make it harder for fans who work on Saturday mornings and for families travelling from outside the city. “It punishes the thousands who behave for the sake of a few who don’t,” said Marcus Ellingham of the Mariners Supporters Trust.',
      'The police said the cost of policing the match would be about £180,000, part of which will be charged to the club.',
    ].join('\n\n'),
  },
  {
    topic: 'mariners-football',
    headline: 'Mariners sign centre-back on loan to shore up leaky defence',
    standfirst:
      'Rasmus Okwuosa arrives from Ardmoor City with the club having conceded more goals than anyone in the league.',
    section: 'sport',
    tags: ['mariners', 'football', 'transfers'],
    body: [
      'Calder Bay Mariners have signed the centre-back Rasmus Okwuosa on a season-long loan from Ardmoor City, as the manager tries to fix a defence that has conceded more goals than any other in the league.',
      'Okwuosa, 24, made thirty appearances for Ardmoor last season and is known for his strength in the air. The Mariners will pay his wages in full and have an option to make the move permanent for a fee of about £1.2 million next summer.',
      'The club have conceded twenty-six goals in thirteen league games and have kept only one clean sheet since the opening weekend. Supporters have grown frustrated at goals conceded from set pieces, with seven coming from corners alone.',
      '“We have been too easy to play against,” the assistant manager, Pieter Gallacher, said at the training ground on Thursday. “Rasmus is a proper defender. He likes heading the ball and he likes talking, and we need both.”',
      'The transfer window closes at midnight on Friday, and the Mariners are also hoping to bring in a midfielder. Okwuosa could make his debut in Tuesday’s home match at Brackwater Park.',
    ].join('\n\n'),
  },

  // wind-farm
  {
    topic: 'wind-farm',
    headline: 'Outer Shoals wind farm wins approval for 60 turbines off Calder Bay',
    standfirst:
      'The £1.9 billion project would power the equivalent of 700,000 homes and bring assembly work to the port.',
    section: 'business',
    tags: ['energy', 'wind-farm', 'port-of-calder'],
    body: [
      'Plans for a 60-turbine wind farm on the Outer Shoals, twenty kilometres off Calder Bay, were approved by the regional energy regulator on Tuesday, clearing the way for construction to start next year.',
      'The £1.9 billion project, led by the developer Greyhaven Renewables, would generate up to 900 megawatts of electricity, enough to power the equivalent of 700,000 homes. The turbines, each taller than the towers of the Harbour Bridge, would stand in waters between thirty and forty-five metres deep.',
      'Greyhaven said the turbine blades and towers would be assembled on the east quay at the Port of Calder, creating about 400 jobs during construction and 120 permanent jobs in maintenance once the wind farm is running.',
      '“This is the largest private investment the bay has seen in a generation,” said Greyhaven’s chief executive, Solveig Amankwah. “We want the skills and the supply chain to stay here.”',
      'Fishing groups, who had opposed the plan, said they were disappointed and would seek compensation for lost grounds. The company has agreed to a fund of £6 million for the local fishing fleet over ten years.',
    ].join('\n\n'),
  },
  {
    topic: 'wind-farm',
    headline: 'Seabird tracking study to shape layout of offshore turbines',
    standfirst:
      'University researchers are fitting GPS tags to kittiwakes and gannets to see how they use the Outer Shoals.',
    section: 'science',
    tags: ['environment', 'climate', 'university'],
    body: [
      'Scientists at Calder Bay University are fitting tiny GPS tags to hundreds of seabirds this summer to find out whether the turbines of the planned Outer Shoals wind farm will sit across their feeding routes.',
      'The study, funded with £1.1 million from the developer and the regional environment agency, will track kittiwakes, gannets and guillemots from the cliff colonies at Wyndham Head, about fifteen kilometres north of the site.',
      'Earlier surveys from boats and aircraft suggested that the area is an important feeding ground in late summer, when sand eels gather over the sandbanks. Birds flying at the height of the turbine blades are at risk of collision.',
      '“We want the layout to be decided by evidence rather than guesswork,” said Professor Halima Vantongeren, the ecologist leading the project. “Moving a row of turbines a few hundred metres can make a real difference.”',
      'The first results are due in the spring, before the developer finalises the position of each turbine. Conservation groups have welcomed the research but said the wind farm should not go ahead if it threatens the colonies, which hold around 40,000 breeding pairs.',
    ].join('\n\n'),
  },
  {
    topic: 'wind-farm',
    headline: 'Council to buy stake in offshore wind farm in bid to cut energy bills',
    standfirst:
      'The city would invest £45 million for a 5 per cent share and use the income to insulate low-income homes.',
    section: 'politics',
    tags: ['energy', 'budget', 'city-council'],
    body: [
      'Calder Bay city council plans to buy a 5 per cent stake in the Outer Shoals wind farm for £45 million, in a deal that would make it the first local authority in the region to own part of an offshore energy project.',
      'Under the plan, agreed in principle by the cabinet on Wednesday, the council would borrow the money from the national public works lender and repay it from its share of the wind farm’s electricity sales. Officials estimate the stake would earn the council around £3 million a year after the loan is repaid.',
      'The council leader, Hamid Castellane, said the income would go into a fund to insulate homes and fit heat pumps for low-income residents. “When the wind blows off our coast, the people of this city should benefit, not only shareholders,” he said.',
      'Opposition councillors said the council should not take on such a large loan when it was already struggling to pay for services, and warned that power prices could fall.',
      'A full council vote is expected next month. The developer, Greyhaven Renewables, said it welcomed public investment in the turbines.',
    ].join('\n\n'),
  },
  {
    topic: 'wind-farm',
    headline: 'Cable maker to open £80 million factory on old docks',
    standfirst: 'Tidewright Cables will make subsea power cables for offshore wind farms, creating 250 jobs.',
    section: 'business',
    tags: ['energy', 'economy', 'port-of-calder'],
    body: [
      'A factory making subsea power cables for offshore wind farms will open on the old docks in Calder Bay in 2027, creating around 250 jobs, the manufacturer Tidewright Cables said on Monday.',
      'The £80 million plant will produce the heavy export cables that carry electricity from turbines at sea to substations on land. Its first order will be for the two cables linking the Outer Shoals wind farm to a new substation at Fennick.',
      'Tidewright chose Calder Bay over two other sites because of the deep-water quay, which allows cable-laying ships to load directly from the factory, said its managing director, Conrad Abernathy-Sule. “The drums we load weigh several thousand tonnes. You cannot move those by road,” he said.',
      'The city council has agreed to sell the company a twelve-acre site and will contribute £4 million towards flood defences. Regional business leaders said the factory would help the bay capture more of the value of the wind industry rather than simply hosting turbines built elsewhere.',
      'Recruitment for engineers, welders and machine operators will begin next spring, with a training programme run by the local college.',
    ].join('\n\n'),
  },
  {
    topic: 'wind-farm',
    headline: 'Fennick residents fight plan for wind farm substation near homes',
    standfirst: 'Campaigners say the compound would loom over a primary school playing field.',
    section: 'city',
    tags: ['city-council'],
    body: [
      'Residents in Fennick have launched a campaign against plans to build an electricity substation for the Outer Shoals wind farm on farmland at the edge of the village, saying it would be too close to homes and a primary school.',
      'The substation would convert power arriving through underground cables from the coast before feeding it into the national grid. Plans submitted to the city council show a compound covering nine acres, with buildings up to fifteen metres tall and a constant low hum that the developer says would be inaudible beyond the site boundary.',
      'More than 1,200 people have signed a petition asking for the substation to be moved to an industrial estate three kilometres inland. “Nobody here is against clean energy. We are against a power station at the bottom of the school field,” said Gwendolyn Achebe-Rowe, who organised the petition.',
      'The developer, Greyhaven Renewables, said the inland site would require an extra £30 million of cabling and would delay the project by a year. It has offered to plant a woodland screen and pay for a new community hall.',
      'The council’s planning committee is expected to decide on the application in the autumn.',
    ].join('\n\n'),
  },
  {
    topic: 'wind-farm',
    headline: 'Global turbine shortage puts Outer Shoals timetable at risk',
    standfirst:
      'Manufacturers are struggling to meet orders as countries race to build offshore wind, the developer warns.',
    section: 'world',
    tags: ['energy', 'trade', 'climate'],
    body: [
      'The developer of the Outer Shoals wind farm off Calder Bay has warned that a worldwide shortage of turbines and installation ships could delay the project by up to eighteen months.',
      'Greyhaven Renewables said manufacturers in Europe and Asia were fully booked until 2028 as governments around the world raced to meet climate targets with offshore wind. The price of each turbine has risen by about a quarter in three years because of higher costs for steel, copper and the rare earth metals used in generators.',
      'Only a handful of vessels in the world are able to lift the largest turbines onto their foundations at sea, and they are booked years in advance. Greyhaven said it was negotiating to share one with a project in the North Atlantic.',
      '“The whole industry is chasing the same ships and the same factories,” said Mateus Ferreira-Lund, an energy analyst at the consultancy Brightwater Insight. “Projects that placed orders early will be built first.”',
      'Greyhaven said it still expected the first turbines to generate power before the end of the decade. Port officials in Calder Bay said the delay could push back hundreds of construction jobs planned for the east quay.',
    ].join('\n\n'),
  },

  // school-meals
  {
    topic: 'school-meals',
    headline: 'Every primary pupil in Calder Bay to get free school lunches from September',
    standfirst:
      'The council will spend £8.5 million a year extending free meals to all 21,000 children in its primary schools.',
    section: 'city',
    tags: ['school-meals', 'education', 'city-council'],
    body: [
      'All 21,000 children in Calder Bay’s state primary schools will receive a free hot lunch every school day from September, the city council announced on Tuesday.',
      'Until now, free school meals have been available only to children from families receiving certain benefits, about one in four pupils. The council said the extension would cost £8.5 million a year, to be paid for by savings in its office budget and a contribution from the regional assembly.',
      'Councillor Adaeze Holmqvist, the cabinet member for children, said teachers had told her of pupils arriving hungry and falling asleep in lessons. “A child who has eaten well can concentrate, learn and play. It is the simplest thing we can do for them,” she said.',
      'Head teachers welcomed the plan but warned that some older schools lacked kitchens large enough to cook for every pupil. The council said it would spend a further £3 million on new kitchen equipment and dining space over the summer.',
      'Parents will not need to apply. Families currently eligible for free meals have been told they must still register so that schools keep receiving extra funding linked to the scheme.',
    ].join('\n\n'),
  },
  {
    topic: 'school-meals',
    headline: 'Regional assembly cuts funding for free lunches, leaving £2 million gap',
    standfirst: 'City hall says the universal meals scheme will continue, but warns other services may be squeezed.',
    section: 'politics',
    tags: ['city-council', 'budget'],
    body: [
      'The Eastmarch regional assembly has reduced its contribution to Calder Bay’s free school meals programme by £2 million, leaving the city council to find the money elsewhere just six months after the universal lunches were introduced.',
      'The assembly’s finance minister, Corwin Aldous-Begum, said the grant had been intended as a one-off to help the scheme start and that other councils were asking for the same support. “We cannot fund in one city what we cannot offer to every child in the region,” he said.',
      'The council leader, Hamid Castellane, called the decision short-sighted and said the city would keep feeding every primary pupil. He said officials were looking at savings across departments, and warned that other services could be squeezed.',
      'Opposition councillors, who had supported the meals scheme, said the council had been warned the grant might not last. “The plan was built on a promise nobody wrote down,” said Councillor Rosalind Teague.',
      'Parents’ groups have started a petition asking the assembly to reverse the cut. About 17,000 children eat a free lunch each day, a take-up rate of more than 80 per cent, including thousands who were not eligible under the old means-tested rules.',
    ].join('\n\n'),
  },
  {
    topic: 'school-meals',
    headline: 'Free lunches linked to fewer missed school days, study finds',
    standfirst:
      'Researchers found pupils ate more vegetables and were absent less often in the first term of universal meals.',
    section: 'science',
    tags: ['health', 'university', 'education'],
    body: [
      'Pupils in Calder Bay missed fewer days of school and ate more fruit and vegetables in the first term after free lunches were extended to every primary child, according to a study by researchers at Calder Bay University.',
      'The team, led by the nutrition scientist Dr Marisol Eberhardt, compared attendance and food diaries in twelve primary schools before and after the change. Absence fell by an average of 1.8 days per pupil over the term, with the largest improvement among children from low-income families.',
      'Children who had previously brought packed lunches were eating almost twice as many portions of vegetables at midday, the study found. Many packed lunches had contained crisps, biscuits and sugary drinks but little fresh food.',
      '“Nutrition in childhood affects growth, concentration and health for decades,” Eberhardt said. “A hot meal with vegetables and protein every day is a powerful thing.”',
      'The researchers cautioned that the study covered only one term and did not prove that the meals themselves caused the improvement. They plan to follow the same pupils for three years and measure height, weight and reading scores.',
      'The work was funded by a £250,000 grant from a regional health charity.',
    ].join('\n\n'),
  },
  {
    topic: 'school-meals',
    headline: 'Local farms win share of £12 million school catering contract',
    standfirst: 'The council has split its school meals contract to buy more produce from growers around the bay.',
    section: 'business',
    tags: ['school-meals', 'economy'],
    body: [
      'Farms and food producers around Calder Bay will supply a third of the ingredients for the city’s school meals under a new £12 million catering contract awarded by the city council this week.',
      'The council split the contract into six smaller lots so that local firms could bid, rather than awarding it to a single national caterer. A Fennick dairy will supply milk and yoghurt, a cooperative of market gardeners will provide vegetables, and a bakery in Saltgate will make bread for ninety schools.',
      '“Ten years ago a contract like this would have been impossible for us to even bid for,” said Rhiannon Oduya-Pratt, who runs Marsh End Growers with eight other families. “Now we know that what we pick on Monday will be on a child’s plate by Wednesday.”',
      'The main contractor, Brightmeal Catering, will cook and serve the meals in school kitchens. It must meet nutrition standards set by the council, including limits on salt and sugar and at least two portions of vegetables with every lunch.',
      'Food prices remain a concern. The council said rising costs for meat and dairy had added about 9 pence to the cost of each meal since the scheme began.',
    ].join('\n\n'),
  },
  {
    topic: 'school-meals',
    headline: 'Holiday clubs to serve free meals during summer break',
    standfirst:
      'Children eligible for free school lunches will be offered a meal and activities at forty centres across the city.',
    section: 'city',
    tags: ['education', 'health', 'school-meals'],
    body: [
      'Children in Calder Bay who receive free school meals will be able to get a hot lunch during the summer holidays at forty clubs across the city, the council said on Friday.',
      'The holiday programme, which runs for four days a week over six weeks, will combine meals with sport, arts and cooking sessions. It is aimed at families who struggle to feed their children when the school kitchens close.',
      'Teachers and youth workers say some children return to school in September noticeably thinner. “For some of our pupils, the lunch they eat here is the only proper meal of the day,” said Bronagh Tillotson, head teacher of Harbourside Primary. “The holidays are long when there is nothing in the cupboard.”',
      'The programme will cost about £1.3 million, most of it from a government grant. Community centres, sports clubs and churches will host the sessions, and several will also offer parents cooking classes and bags of groceries to take home.',
      'Places can be booked through schools from next week. Last year about 5,200 children attended the clubs, but organisers said demand had risen as more families had fallen behind on rent and energy bills.',
    ].join('\n\n'),
  },
  {
    topic: 'school-meals',
    headline: 'Mayoral candidates split over extending free lunches to secondary schools',
    standfirst:
      'Two of the three leading candidates would offer every teenager a free meal; the third says the money should go on breakfast clubs.',
    section: 'politics',
    tags: ['school-meals', 'elections'],
    body: [
      'Free school meals have become a central issue in the race to become Calder Bay’s first directly elected mayor, with the leading candidates divided over whether to extend the scheme to the city’s 16,000 secondary school pupils.',
      'Two candidates, Ottoline Baptiste and Kwabena Strand, have promised to give every secondary pupil a free lunch within two years of taking office. Baptiste estimates the cost at £7 million a year and says she would pay for it by cutting spending on consultants.',
      'The third, Lachlan Moreau-Iwu, says the money would be better spent on breakfast clubs and on improving the quality of food in existing canteens. “Teenagers vote with their feet. Half of them walk to the chip shop at lunchtime whatever we offer,” he told a hustings at Saltgate community centre on Thursday night.',
      'Nutritionists say secondary pupils are the group most likely to skip lunch altogether, particularly girls, and that free meals could improve diets at an age when poor habits set in.',
      'A poll for the Courier last week found 58 per cent of residents supported extending free meals to secondary schools, with 29 per cent opposed. The election will be held in May.',
    ].join('\n\n'),
  },

  // theatre-season
  {
    topic: 'theatre-season',
    headline: 'Lantern Theatre unveils season of new plays and a returning favourite',
    standfirst:
      'Artistic director Isolde Marchbanks promises eight productions, five of them premieres, in the theatre’s most ambitious programme for a decade.',
    section: 'culture',
    tags: ['theatre', 'lantern-theatre'],
    body: [
      'The Lantern Theatre will stage eight productions in its new season, five of them world premieres, in what its artistic director called the most ambitious programme in the theatre’s ninety-year history.',
      'The season opens in September with The Salt Wives, a drama by the Calder Bay writer Petra Ainsworth-Kaur about the women who gutted herring on the quays a century ago. It will be followed by a musical adaptation of the children’s novel Gull Island and a revival of the theatre’s 1998 hit comedy, Low Tide at the Anchor.',
      '“We wanted a season that sounds like this city: its voices, its arguments, its jokes,” said Isolde Marchbanks, who became artistic director last year. “Half our writers live within a few miles of the stage.”',
      'The theatre will also launch a pay-what-you-can night for every production, with a hundred seats held back for residents on low incomes, and a series of Sunday readings by young playwrights.',
      'Tickets for the first three productions go on sale next week. Members can book from Monday.',
    ].join('\n\n'),
  },
  {
    topic: 'theatre-season',
    headline: 'Lantern Theatre faces £600,000 shortfall as arts grant is frozen',
    standfirst: 'The theatre will raise ticket prices and may cut one production unless new sponsors are found.',
    section: 'business',
    tags: ['theatre', 'budget'],
    body: [
      'The Lantern Theatre is facing a funding shortfall of £600,000 for its new season after the regional arts council froze its grant for a third year, the theatre’s board said on Wednesday.',
      'The grant, worth £2.4 million a year, has lost about a fifth of its value since 2022 once rising costs for energy, set building and wages are taken into account. Ticket sales recovered strongly last season, but box office income covers only about half the cost of staging a production.',
      'Executive director Hollis Wanjiru-Stone said the theatre would raise the average ticket price by £3 and was seeking new corporate sponsors. If the gap cannot be closed by December, one of the season’s eight productions is likely to be cancelled.',
      '“We are not asking for a rescue. We are asking for a grant that keeps pace with what it costs to put actors on a stage,” she said.',
      'The city council, which owns the theatre building, has offered to waive rent for a year, worth about £150,000. Local businesses including the Port of Calder and two law firms have already agreed to sponsor individual shows.',
      'The theatre employs 140 people, including technicians, carpenters and front-of-house staff.',
    ].join('\n\n'),
  },
  {
    topic: 'theatre-season',
    headline: 'Seven hundred children audition for Lantern Theatre’s Gull Island musical',
    standfirst: 'Open auditions for twenty young roles drew queues around the block in Saltgate.',
    section: 'culture',
    tags: ['theatre', 'music'],
    body: [
      'More than 700 children queued around the Lantern Theatre on Saturday for open auditions for twenty roles in the musical Gull Island, which opens the theatre’s Christmas season.',
      'The show, based on a popular children’s novel about a girl who finds a stranded seal pup on an island in the bay, has songs by the composer Anselm Tiwari-Fogg and will be directed by Juno Halloran. Young performers aged eight to fifteen were asked to sing a verse of any song and read a short scene.',
      '“We saw kids who had never set foot on a stage and kids who had been in every school play since nursery,” Halloran said. “A couple of them made the whole room go quiet.”',
      'The twenty children chosen will be split into two casts so that no child performs more than three evenings a week. They will rehearse after school from October, with chaperones and a tutor provided by the theatre.',
      'Parents said the queues were worth it. “She has been practising in the bath for a month,” said Delphine Akintola, whose ten-year-old daughter sang a song from the show’s demo recording.',
      'Shortlisted children will be recalled next week.',
    ].join('\n\n'),
  },
  {
    topic: 'theatre-season',
    headline: 'Herring-quay drama The Salt Wives opens to standing ovation',
    standfirst:
      'Audiences cheer the Lantern’s season opener, which sold out its first two weeks before the curtain rose.',
    section: 'culture',
    tags: ['theatre'],
    body: [
      'The Lantern Theatre’s new season opened on Thursday night with a standing ovation for The Salt Wives, a drama about the women who worked the herring quays of Calder Bay a century ago.',
      'The play follows three sisters through one fishing season in 1923, as a strike over pay divides the gutting crews and the families of the boatmen. Its writer drew on interviews her grandmother recorded with former herring workers in the 1970s.',
      'Romilly Castagna, who plays the eldest sister, Agnes, was called back for three curtain calls. Several members of the audience, some of them descendants of herring workers, stayed behind to talk to the cast in the foyer.',
      '“I heard my great-aunt’s words spoken on that stage,” said Morag Feeney, 81. “I didn’t think anybody remembered.”',
      'The first two weeks of the run sold out before opening night, and the theatre has added six matinees. The production will run until the middle of October before touring to three theatres in the region.',
      'Reviews in the regional press described the staging, with a salt-crusted wooden quay built across the stage, as the most striking at the Lantern in years.',
    ].join('\n\n'),
  },
  {
    topic: 'theatre-season',
    headline: 'Lantern Theatre’s neon sign shines again after two-year restoration',
    standfirst:
      'The 1930s landmark above Saltgate Square was switched back on before the first night of the new season.',
    section: 'city',
    tags: [],
    body: [
      'The neon lantern that has hung above the entrance to the Lantern Theatre since 1934 was switched on again on Wednesday evening after a two-year restoration, in time for the opening of the theatre’s new season.',
      'Hundreds of people gathered in Saltgate Square to watch the sign, a four-metre glass lantern outlined in amber and red tubes, flicker into life as a brass band played.',
      'The restoration cost £280,000, raised from a heritage grant, the city council and more than 2,000 individual donations. Specialist glass benders in the north of the region rebuilt sixty metres of tubing by hand, matching the original colours from photographs and a fragment found in the theatre’s cellar.',
      '“People tell me they used to meet their first date under that lantern,” said Evander Mullholland, the theatre’s buildings manager, who led the project. “It is part of the city’s memory.”',
      'The work also repaired the stone canopy over the box office and replaced wiring in the foyer. The theatre said the sign would now be lit every evening when there is a performance, and on special occasions such as the Lantern Festival in December.',
    ].join('\n\n'),
  },
  {
    topic: 'theatre-season',
    headline: 'Lantern stage crews vote to strike in dispute over late-night pay',
    standfirst:
      'Technicians say they are working past midnight without overtime; the theatre says it cannot afford more.',
    section: 'city',
    tags: ['lantern-theatre'],
    body: [
      'Stage technicians at the Lantern Theatre have voted to strike during the opening weeks of the new season, in a dispute over pay for late-night work changing sets between performances.',
      'Members of the entertainment workers’ union Stagehands United backed action by 46 votes to 5. The union says crews regularly work until after midnight when a matinee and an evening show are followed by a rehearsal of the next production, but are paid at the standard hourly rate.',
      '“Our members build the scenery, hang the lights and run the shows. They are asking to be paid properly for the hours they actually work,” said the union’s regional organiser, Cormac Delacroix-Mensah.',
      'The theatre said it valued its crews but could not meet the union’s demand for a 25 per cent premium after ten at night without cutting a production. It has offered a one-off payment of £400 per technician and a review of rotas.',
      'If the strike goes ahead, the first walkout would fall in the second week of the run of The Salt Wives, which has sold out. The theatre said it would try to keep performances going and would offer refunds if shows were cancelled.',
    ].join('\n\n'),
  },
];
