import type { DemoArticle } from './types.js';

// Demo articles for the business, world and science sections. Everything here is invented:
// Calder Bay, its port, university, companies and people, the Republic of Vessaria, the
// Coastal Federation of Marenholt, the Kestral Isles and the two wire agencies are fictional.

export const articlesB: DemoArticle[] = [
  {
    slug: 'marenholt-scraps-tariffs-on-processed-fish',
    headline: 'Marenholt scraps tariffs on processed fish in deal with its neighbours',
    standfirst:
      'The coastal federation will drop its 12 per cent levy from the first day of spring. Calder Bay’s fish processors, who lost their best customers across the strait, say the deal could bring back night shifts.',
    section: 'world',
    kind: 'news',
    authors: ['news-desk', 'ines-halvorsen'],
    tags: ['trade', 'port-of-calder', 'economy'],
    image: 'market',
    hoursAgo: 0.7,
    wire: {
      source: 'Meridian Press Agency',
      originalUrl: 'https://example.org/wire/meridian/marenholt-fish-tariff-deal',
      additionalInput: true,
    },
    body: `SAELPORT, Marenholt — The Coastal Federation of Marenholt will scrap its 12 per cent tariff on imported smoked, salted and tinned fish from the first day of spring, its trade ministry announced on Friday, ending a dispute that has soured relations across the strait for almost a decade.

Trade Minister Sigrun Aalbers told reporters in Saelport that the federation’s own processors had “outgrown the protection they were given” and that shoppers had paid for it in higher prices. In return, neighbouring governments have agreed to phase out limits on Marenholt’s frozen shellfish over three years, according to a joint statement seen by Meridian Press Agency.

## What the agreement covers

The deal, which still needs the approval of the federal council in Saelport, includes:

- the removal of the 12 per cent levy on processed fish from the first day of spring;
- a three-year phase-out of limits on frozen shellfish exports from Marenholt;
- a joint inspection regime, so that a cargo checked at one end of the crossing is not checked again at the other.

Officials said the inspection change alone could cut the time a refrigerated lorry spends at the border by up to six hours. The federal council is expected to vote within a month, and the governing coalition holds a comfortable majority.

Marenholt’s fishing industry association said it accepted the agreement “with reservations”, warning that smaller coastal processors would need help to compete.

## Reaction in Calder Bay

In Calder Bay, where fish processing once employed more than 2,000 people around Saltgate and the north quay, the news was greeted with cautious relief.

Hanne Duarte, managing director of Brennock Seafoods, which smokes and packs herring and mackerel at its plant on Cooper’s Wharf, said the tariff had cost the firm its largest customer across the strait six years ago.

> “We went from three shifts to one. If this goes through, I would like to be hiring for a night shift by the summer. But I have heard promises from Saelport before, so I will wait for the vote.”

Ms Duarte estimated that Brennock alone could take on 30 to 40 people if its former contracts returned.

The Port of Calder Authority said refrigerated traffic to Marenholt had fallen by roughly a third since the levy was introduced. Its chief executive, Corinne Vasquez-Lund, said the port had spare space on its cold-storage quay and would “talk to any exporter who wants to use it”.

Lionel Farrow-Kim, president of the Calder Bay Chamber of Commerce, called the agreement “the most useful thing to come out of Saelport in years”, but warned that the city’s processors had lost skilled staff who would not easily come back.

Not everyone was celebrating. Fergal Osei, branch secretary of the Bay and Coast Transport Union, said the union wanted guarantees that any new jobs would be direct employment rather than agency work.

## What happens next

The federal council debate is expected before the end of next month. If the deal is approved, the tariff will lapse at midnight on the first day of spring, with no transition period.

[[read-more: port-of-calder-record-container-volumes]]

_Additional reporting by Ines Halvorsen in Calder Bay._`,
  },
  {
    slug: 'port-of-calder-record-container-volumes',
    headline: 'Port of Calder handles record container volumes as deep-water berth opens',
    standfirst:
      'The port moved 412,000 containers last year, up 9 per cent, and its new Berth 7 can now take ships that used to sail straight past the bay.',
    section: 'business',
    kind: 'news',
    authors: ['ines-halvorsen'],
    tags: ['port-of-calder', 'economy', 'trade'],
    image: 'harbour',
    hoursAgo: 3.4,
    pin: 'featured',
    body: `The Port of Calder handled a record 412,000 containers last year, a rise of 9 per cent on the year before, the Port of Calder Authority said on Friday as it formally opened a deep-water berth that lets the largest ships on the northern routes call at the bay for the first time.

The figures, published in the authority’s annual report, put the port well ahead of its previous high of 389,000 containers, set before the slump in coastal trade five years ago. Bulk cargo, mostly timber, grain and aggregates, rose more modestly, by 3 per cent to 6.1 million tonnes.

## A berth for bigger ships

Berth 7, on reclaimed land at the eastern end of the container terminal, cost 184 million crowns and took just under three years to build. It is dredged to 16 metres, four metres deeper than any other berth in the harbour, and its two new ship-to-shore cranes can reach across vessels 22 containers wide.

The first ship to use it on a scheduled service, the _Solvind Carrier_, arrived from Saelport on Thursday night with about 7,800 containers on board. Until now, ships of that size have sailed past Calder Bay to larger ports further along the coast, with cargo for the region brought back by lorry or on smaller feeder vessels.

Corinne Vasquez-Lund, the authority’s chief executive, said the berth would change how shipping lines saw the bay.

> “For twenty years we have been the port that big ships could not get into. That argument is over. We are now asking the lines to put Calder Bay on their main timetables, not their feeder ones, and two of them have already said yes.”

She declined to name the lines before contracts were signed.

## Jobs and traffic

The authority says the expansion has created 220 permanent jobs, most of them crane operators, lashers and planners, and expects another 90 by the end of next year. Around 60 of the new staff came through a training scheme run with Calder Bay Technical College.

Fergal Osei, branch secretary of the Bay and Coast Transport Union, welcomed the hiring but said the union was “watching closely” a plan to move the terminal to round-the-clock working seven days a week.

More lorries are a worry for people living near the terminal. Residents on Harbour Road and in the Quayside flats have long complained about queues of trucks waiting for the gates to open in the early morning. The authority said a new 140-space holding yard off the ring road would open in the spring, and that hauliers would be booked into time slots through an online system.

Councillor Ade Winterbourne, who represents the Quayside ward, said the yard was “overdue” and that residents would judge the port by whether the queues disappeared.

## What the numbers do not show

The record year was not shared evenly across the port. Refrigerated cargo, which once made up a large share of the bay’s trade with the Coastal Federation of Marenholt, is still below its level of a decade ago, and the supply ferry to the Kestral Isles carried slightly less freight than the year before.

The annual report also shows operating profit rising by 14 per cent, to 61 million crowns, while the authority’s debt rose sharply to pay for Berth 7. Ms Vasquez-Lund said the borrowing would be repaid over 25 years from berth fees.

[[read-more: vessaria-dock-strike-ships-diverted]]`,
  },
  {
    slug: 'vessaria-president-calls-snap-election',
    headline: 'Vessaria’s president calls snap election after budget defeat',
    standfirst:
      'President Mirela Dascova set a vote for 45 days’ time, a day after her coalition lost next year’s budget by four votes in the National Assembly.',
    section: 'world',
    kind: 'news',
    authors: [],
    tags: ['elections'],
    image: 'council',
    hoursAgo: 5.5,
    wire: {
      source: 'Northline Wire',
      originalUrl: 'https://example.org/wire/northline/vessaria-snap-election',
      additionalInput: false,
    },
    body: `ORLEN, Vessaria — President Mirela Dascova of the Republic of Vessaria called an early parliamentary election on Friday, a day after her coalition lost a vote on next year’s budget by four votes.

In a televised address from the presidential palace in Orlen, Ms Dascova said the country needed “a parliament that can pass a budget, not one that argues about it until the money runs out”. The election will be held in 45 days, the shortest period allowed under the constitution, and more than a year before the end of the current term.

The budget, which included a rise in fuel duty and cuts to regional rail subsidies, was defeated by 101 votes to 97 in the 200-seat National Assembly after the small Agrarian League withdrew its support overnight. Two members abstained.

## A coalition that ran out of road

The governing coalition of Ms Dascova’s Civic Renewal party and the Agrarian League has been under strain since the spring, when the two parties clashed over grain export permits. The League’s leader, Teodor Haldis, told reporters outside the assembly that his party “could not vote to close rural railway lines” and would campaign on its own.

Opposition parties welcomed the election. The centre-left Labour Alliance, which has led in most opinion polls since the summer, said it would publish a full budget of its own within two weeks.

Analysts in Orlen said the early vote was a gamble. Recent polls have put Civic Renewal on about 24 per cent, well behind the Labour Alliance on 31 per cent.

> “She is betting that voters will blame the Agrarians for the chaos, not her,” said Dr Petra Valk, a political scientist at the University of Orlen. “That is not an unreasonable bet, but it is still a bet.”

## Budget, ports and strikes

The election comes at an awkward moment for the government. Dockworkers at Vessaria’s two main container ports are in the second week of a strike over pay and automation, and the finance ministry warned last month that economic growth would slow to below 1 per cent next year.

Under Vessarian law, the government will continue to spend at this year’s levels until a new budget is passed, which Finance Minister Jonas Mertel said would mean “no new projects, and no new cuts” until the summer.

The main points of the rejected budget were:

- a 2 per cent rise in fuel duty from the start of the year;
- the closure of eleven lightly used regional rail lines;
- a one-off payment to pensioners on the lowest incomes;
- a freeze on public sector hiring outside health and education.

## What happens next

Parties have ten days to register candidate lists with the central election commission. Campaigning formally begins once the lists are published, and the commission said voting would take place on a single day, with polling stations open from 7am to 9pm.

The new assembly must meet within two weeks of the result and elect a speaker before a government can be formed. Coalition talks in Vessaria have taken as long as three months in the past, and several analysts said a caretaker government through the summer was a real possibility.

[[read-more: vessaria-dock-strike-ships-diverted]]`,
  },
  {
    slug: 'marrow-point-cliffs-retreating-faster',
    headline: 'Cliffs at Marrow Point retreating twice as fast as a decade ago, survey finds',
    standfirst:
      'A Calder Bay University survey shows the soft cliffs north of the city lost an average of 1.8 metres a year over the past decade, putting a stretch of the coastal railway and 14 homes inside the 50-year danger line.',
    section: 'science',
    kind: 'news',
    authors: ['devi-castellanos'],
    tags: ['climate', 'environment', 'university'],
    image: 'railway',
    hoursAgo: 8,
    pin: 'featured',
    body: `The soft clay cliffs at Marrow Point, north of Calder Bay, are eroding twice as fast as they were ten years ago, according to a survey by the university’s coastal research group published on Friday.

Using drone flights, laser scans and aerial photographs going back to the 1950s, the team measured how far the cliff top had moved along a 6-kilometre stretch between Marrow Point and the village of Fennick. Over the past decade the cliffs lost an average of 1.8 metres a year, compared with 0.9 metres a year in the decade before. At the worst spot, below the old coastguard cottages, the edge moved 11 metres in a single winter.

## Storms, not just sea level

Dr Ravi Thorsen, who led the study, said rising sea levels explained only part of the change. The bigger factor was a run of winters with more frequent storms from the north-east, the direction the Marrow Point cliffs face.

> “The sea has risen by a few centimetres in that time. That matters, but what really matters is how often a big storm arrives on a high tide. We counted 23 of those events in the last ten years, against nine in the decade before.”

The clay itself is also part of the problem. After long wet spells, water soaks into the cliff, which then slumps in large blocks that the waves carry away within weeks. The team found that more than half of the land lost over the decade went in just four such slumps.

## The railway and the homes

The survey’s most closely watched finding concerns the coastal railway between Calder Bay and Fennick, which runs within 40 metres of the cliff edge for about 800 metres. At current rates, the researchers say, parts of the embankment could be at risk within 20 to 25 years.

Fourteen homes on Cliff Lane and Gull Row fall inside the line the team expects the cliff to reach within 50 years. Glenys Abernathy, who has lived on Gull Row for 31 years, said residents had known the sea was coming closer “but not this quickly”.

“When we moved in there was a whole field between us and the edge. Now my grandchildren aren’t allowed past the fence,” she said.

Eastmarch Rail said it was studying the report and already inspected the embankment every month. A spokesperson said the options included moving a section of track inland, a project that would take several years to plan and fund.

## What the council can do

Councillor Ade Winterbourne, who chairs the city’s coastal committee, said the survey would feed into a review of the shoreline plan due next year. Rock armour at the foot of the cliffs would cost an estimated 30 million crowns, he said, and could speed up erosion further along the coast by starving beaches of sediment.

Options the committee is expected to consider include:

- rock armour or a sea wall along the most exposed 800 metres;
- draining the cliff top to reduce slumping after wet winters;
- a managed retreat, buying out the homes most at risk over time.

Dr Thorsen said the data would be published in full so that residents could check the figures for their own street. The team plans to repeat the drone survey every spring and after any major storm.

[[read-more: kelp-forests-store-more-carbon-study]]`,
  },
  {
    slug: 'earthquake-strikes-kestral-isles',
    headline: 'Strong earthquake shakes Kestral Isles as islanders in Calder Bay wait for news',
    standfirst:
      'A magnitude 6.3 earthquake struck off the main island on Friday afternoon, damaging the harbour at Port Ashby and cutting power. In Calder Bay, home to about 3,000 people of Kestral descent, families gathered around their phones.',
    section: 'world',
    kind: 'news',
    authors: ['news-desk'],
    tags: ['environment', 'university'],
    image: 'ferry',
    hoursAgo: 9.5,
    wire: {
      source: 'Northline Wire',
      originalUrl: 'https://example.org/wire/northline/kestral-isles-earthquake',
      additionalInput: true,
    },
    notes: [
      {
        kind: 'update',
        text: 'The Kestral Isles civil defence office lifted its tsunami advisory at 9.40pm local time. The Port of Calder Authority now expects the supply ferry Islander to sail from the north pier on Saturday morning.',
        hoursAfterPublication: 3,
      },
    ],
    body: `PORT ASHBY, Kestral Isles — A magnitude 6.3 earthquake struck off the coast of the Kestral Isles on Friday afternoon, damaging buildings in the capital, Port Ashby, cutting power to much of the main island and prompting a tsunami advisory across the archipelago.

The quake struck at 2.17pm local time at a depth of about 18 kilometres, roughly 40 kilometres south-west of Port Ashby, according to the islands’ geological service. Several aftershocks followed, the strongest measuring 5.1.

Premier Mereana Coll said at least 27 people had been taken to hospital, most with cuts and fractures, and that there were no confirmed deaths. “Our first job is to reach every village on the south coast before dark,” she said in a radio broadcast.

## Damage to the harbour

Witnesses in Port Ashby described shelves collapsing in shops along the waterfront and cracks opening in the main quay. The islands’ ports authority closed the harbour to shipping while engineers inspected the breakwater, which protects the only deep-water berth in the archipelago.

The civil defence office issued a tsunami advisory for all coastal areas, asking people to stay away from beaches and harbours. It said tide gauges had recorded a rise of about 30 centimetres, well below the level that would cause flooding.

Power was cut to about 60 per cent of homes on the main island. The islands’ electricity company said its diesel power station was undamaged but that several transmission lines had come down.

## Reaction in Calder Bay

About 3,000 people of Kestral descent live in Calder Bay, many of them in Saltgate and Northpier, and the city has run a weekly supply ferry to the islands for more than 60 years.

At the Kestral Islanders Association hall on Rope Walk, dozens of people gathered within hours around a television and a row of phones on charge. Tavita Moen, the association’s chair, said most families had reached relatives by text message, but that calls to the villages on the south coast were not getting through.

> “People here are holding their phones like they are holding their breath. Most of the news so far is good. We want to hear from the south before we say anything more.”

The association has opened a collection for blankets, water containers and torches, and has asked people not to send clothing.

The Port of Calder Authority said the supply ferry _Islander_, due to leave the north pier on Friday night with food, fuel and building materials, would stay in port until the harbour at Port Ashby reopened.

Dr Kasimir Adeyemi, a seismologist at Calder Bay University, said the Kestral Isles sit close to a fault zone that produces an earthquake of this size every few decades. He said there was no risk of a tsunami reaching Calder Bay from an earthquake of this magnitude at that distance.

“Aftershocks will continue for days, and a small number may be strong enough to do further damage to buildings that are already cracked,” he said.

[[read-more: marrow-point-cliffs-retreating-faster]]`,
  },
  {
    slug: 'vessaria-dock-strike-ships-diverted',
    headline: 'Vessarian dock strike enters second week as ships divert to Calder Bay',
    standfirst:
      'Container ships bound for Vessaria’s two main ports are unloading in Calder Bay instead. Port managers welcome the business; local dockers say they will not be used to break a strike.',
    section: 'world',
    kind: 'news',
    authors: ['news-desk'],
    tags: ['port-of-calder', 'trade'],
    image: 'harbour',
    hoursAgo: 14,
    wire: {
      source: 'Northline Wire',
      originalUrl: 'https://example.org/wire/northline/vessaria-dock-strike-week-two',
      additionalInput: true,
    },
    body: `ORLEN, Vessaria — A strike by dockworkers at the Republic of Vessaria’s two main container ports entered its second week on Thursday with no talks scheduled, as shipping lines began diverting vessels to ports in neighbouring countries.

About 4,200 members of the Vessarian Port Workers’ Federation walked out at Orlen and Dravik last Thursday in a dispute over pay and the introduction of automated cranes and straddle carriers. The union is seeking a 7 per cent pay rise and a guarantee of no compulsory redundancies for five years; the port operators have offered 3.5 per cent and a two-year guarantee.

More than 30 container ships were waiting at anchor off Orlen on Thursday morning, according to the port’s harbourmaster. At least nine more have been rerouted.

## Deadlock over automation

The federation’s president, Ilse Varnholt, said the automation plans would cut a third of the jobs at Orlen’s container terminal within a decade. “The operators want our members to train the machines that replace them, and then say thank you,” she told a rally outside the port gates.

The operators’ association said in a statement that automation was needed to keep Vessarian ports competitive, and that no worker had yet lost a job to the new equipment. It called on the union to return to talks “without preconditions”.

Vessaria’s transport ministry said it had no plans to intervene. The government, which is struggling to get next year’s budget through the National Assembly, has little room to manoeuvre.

## Reaction in Calder Bay

At least four of the diverted ships have been or will be unloaded at the Port of Calder, the port authority confirmed on Thursday, with cargo for Vessarian importers then sent on by rail and road across the border.

Aled Marchetti, Calder Bay’s harbourmaster, said the extra calls were manageable because the new deep-water Berth 7 had begun taking ships ahead of its formal opening. “We are busy, but we are not overwhelmed. We are treating these ships like any other customer,” he said.

The diversions have raised concerns among Calder Bay’s own dockers. Fergal Osei, branch secretary of the Bay and Coast Transport Union, said the union had written to the port authority to say its members would handle the ships’ cargo as normal, but would not work extra shifts to clear the Vessarian backlog.

> “We support the Vessarian dockers. Our members will do their normal jobs, but we will not be the pressure valve that lets the employers in Orlen sit this out.”

Corinne Vasquez-Lund, the port authority’s chief executive, said it had no intention of asking staff to work beyond their normal rosters and that the diversions were “a temporary situation, not a business plan”.

Freight forwarders in the city reported a rush of inquiries from Vessarian importers. Mikkel Arden, who runs Arden Forwarding on Cooper’s Wharf, said his office had handled three times its usual volume of customs declarations in a week. The numbers so far, according to the port and local forwarders:

- ships diverted to Calder Bay: four, with two more expected this week;
- containers unloaded for Vessarian customers: about 9,500;
- extra cost per container for the onward journey by rail: around 310 crowns.

[[read-more: port-of-calder-record-container-volumes]]`,
  },
  {
    slug: 'halberd-marine-to-cut-jobs-at-fennick-yard',
    headline: 'Halberd Marine to cut 140 jobs at Fennick shipyard after ferry order slips',
    standfirst:
      'The yard, the largest private employer on the north coast, blames a delayed order for two hybrid ferries. The union says the cuts could have been avoided.',
    section: 'business',
    kind: 'news',
    authors: ['ines-halvorsen'],
    tags: ['economy', 'transport'],
    image: 'ferry',
    hoursAgo: 20,
    body: `Halberd Marine, the shipbuilder that has run the Fennick yard north of Calder Bay since 1962, plans to cut 140 of its 610 jobs after a customer delayed an order for two hybrid ferries, the company told staff on Thursday.

The cuts, which will fall mainly on welders, fitters and contract staff, are due to take effect over the next three months. Halberd said it would first seek volunteers for redundancy and early retirement, and would try to move some staff to its repair and maintenance business.

## A delayed contract

The company had expected to start cutting steel early next year for two 120-metre ferries ordered by Coastline Ferries, which runs routes across the strait to the Coastal Federation of Marenholt. Coastline has now pushed back the start of construction by at least 18 months, citing the cost of borrowing and uncertainty over a new emissions standard for ferries.

Pieter Oyelaran, Halberd’s managing director, said the yard could not keep a full workforce on the payroll with no new hull to build.

> “This is the hardest announcement I have had to make in eleven years here. The order has not been cancelled, and when it comes back we want as many of these people back as possible. But we cannot pay 140 people to wait for 18 months.”

Coastline Ferries said in a statement that it remained “fully committed” to the new ships and expected to confirm a new timetable by the summer.

## Union says cuts were avoidable

The Bay and Coast Transport Union, which represents most of the yard’s production staff, said the company should have brought forward repair work or asked the regional government for help to bridge the gap.

Shona Kettering, the union’s convenor at Fennick, said members were “angry, not surprised”. “There have been rumours about this order since the autumn. The company had months to find other work for the yard, and it has done nothing,” she said.

The Eastmarch regional assembly’s economy committee said it would meet the company and the union next week. A regional short-time work scheme, which pays part of the wages of staff kept on reduced hours, could cover some of the workers, but it has never been used by a company the size of Halberd.

## What the yard means to Fennick

The shipyard is the largest private employer on the north coast. A study by Calder Bay University three years ago estimated that every job at the yard supported another 1.4 jobs in local suppliers, shops and services.

In Fennick, a village of about 4,500 people, the news spread quickly. At the Anchor café opposite the yard gates, owner Rosa Delacroix-Bain said about half her lunchtime trade came from the yard.

“When the yard has a good year, the village has a good year. When it doesn’t, you see it in the tills within weeks,” she said.

Halberd’s last large round of job cuts came in 2014, when it shed 200 jobs after losing a naval supply contract. Most of those posts returned within three years, when the yard won an order for three research vessels.

[[read-more: reserve-bank-holds-interest-rate]]`,
  },
  {
    slug: 'reserve-bank-holds-interest-rate',
    headline: 'Reserve Bank holds rates at 4.25% as Calder Bay borrowers wait for relief',
    standfirst:
      'The central bank kept its main rate unchanged for a fifth meeting in a row. Economists now expect a first cut in the spring; mortgage holders and small firms say that is a long wait.',
    section: 'business',
    kind: 'news',
    authors: ['ines-halvorsen'],
    tags: ['economy', 'housing'],
    image: 'market',
    hoursAgo: 26,
    body: `The Reserve Bank left its main interest rate unchanged at 4.25 per cent on Thursday, the fifth meeting in a row without a change, saying that inflation was falling “more slowly than hoped” and that it needed more evidence before cutting borrowing costs.

Governor Elspeth Varga told a press conference that the bank’s nine-member policy committee had voted seven to two to hold, with two members preferring a cut of a quarter of a percentage point. Inflation stood at 3.4 per cent last month, down from a peak of 7.9 per cent two years ago, but still above the bank’s 2 per cent target.

“We are close, but close is not the same as there,” Ms Varga said. “Cutting too early would risk undoing two years of hard work.”

## What economists expect

Most economists had expected the decision. Financial markets now expect the first cut in the spring, with a second by the end of next year.

Dr Nadia Brightwater, an economist at Calder Bay University, said the two votes for a cut were the most significant part of the announcement.

> “A seven-to-two split tells you the committee is moving. The question is no longer whether rates fall, but how quickly. For households, though, the bank’s rate is only part of the story: lenders have been slow to pass on even the cuts they expect.”

## Borrowers in the bay

For many households in Calder Bay, the decision means another few months of high repayments. About 4,800 fixed-rate mortgages in the city are due to end in the next year, according to estimates by the Calder Bay Building Society, most of them taken out when rates were below 2 per cent.

Tobias Renwick, a mortgage broker in Saltgate, said clients coming off cheap fixed deals faced monthly repayments 250 to 400 crowns higher. “People are doing the sums and cutting back wherever they can. Some are stretching their mortgage over a longer term just to keep the monthly figure down,” he said.

Small businesses are feeling it too. Jude Okafor-Lamb, who runs a coffee and bakery stall at the Saltgate market, said she had put off buying a second oven because the loan would cost her nearly 9 per cent.

“I have the customers for it. What I do not have is the stomach for that interest rate,” she said.

## What it means for you

For readers wondering how the decision affects them:

- variable-rate mortgages and most business overdrafts will stay at their current cost;
- savings rates, which have been relatively generous, are unlikely to fall before the spring;
- anyone with a fixed deal ending soon may find lenders already pricing in a cut, so it pays to compare offers.

The Reserve Bank’s next decision is due in six weeks, when it will also publish new forecasts for growth and inflation.

[[read-more: calder-bay-house-prices-stall-analysis]]`,
  },
  {
    slug: 'marenholt-drought-curbs-river-freight',
    headline: 'Drought forces freight limits on Marenholt’s Ostra river',
    standfirst:
      'Barges on the federation’s busiest inland waterway can now carry only about half their usual loads, pushing grain and timber onto an already crowded railway.',
    section: 'world',
    kind: 'news',
    authors: [],
    tags: ['climate', 'trade'],
    image: 'railway',
    hoursAgo: 30,
    wire: {
      source: 'Meridian Press Agency',
      originalUrl: 'https://example.org/wire/meridian/ostra-river-low-water',
      additionalInput: false,
    },
    body: `SAELPORT, Marenholt — Water levels on the Ostra, the Coastal Federation of Marenholt’s busiest inland waterway, have fallen so low after a dry summer and autumn that barges can now carry only about half their usual loads, the federal waterways agency said on Thursday.

The gauge at Lenkirk, the river’s main bottleneck, recorded a depth of 1.4 metres on Thursday morning, the lowest autumn reading since records began in 1911. Barges need at least 2.5 metres of water to sail fully loaded.

The agency has limited the draught of all commercial vessels on the middle stretch of the river to 1.2 metres and banned overtaking on two narrow bends near Lenkirk.

## Freight shifts to rail

The Ostra carries about a fifth of Marenholt’s freight, mostly grain, fertiliser, timber and building materials, between the inland farming provinces and the coast at Saelport.

With barges running part-empty, shippers have turned to rail. The federal railway operator said demand for freight paths between the inland provinces and Saelport had risen by 40 per cent in a month, and that it was running extra trains at night. Freight rates on the river have more than doubled since August, according to the Saelport grain exchange.

> “A barge that should carry 2,000 tonnes is leaving with 900. The boat costs the same to run, the crew costs the same, so the price per tonne goes up,” said Anneke Solberg, chair of the Ostra Bargeowners’ Association.

Grain traders said the delays had already held up exports from Saelport, where several ships waiting for cargo have been moved out to anchorages.

## A pattern of dry years

This is the third time in six years that low water has restricted traffic on the Ostra. Hydrologists at the federal meteorological office say summers in the river’s catchment have become drier and hotter over the past three decades, while more winter precipitation now falls as rain rather than snow, leaving less meltwater in the spring.

The federal government has proposed deepening the channel at Lenkirk, a project estimated at 650 million marks, but environmental groups oppose it, saying it would damage wetlands that are home to rare wading birds.

Infrastructure Minister Hendrik Lohse said on Thursday that the government would not “dig its way out of a climate problem” and would instead speed up investment in rail freight. He promised a package of measures before the end of the year.

## Outlook

Forecasters expect some rain over the catchment next week, but said it would take several weeks of steady rainfall to bring levels back to normal. The waterways agency said the restrictions would stay in place at least until the end of the month.

Shippers are preparing for a difficult winter. The Saelport chamber of commerce said some member companies had begun to move cargo along the coast by sea instead, using small coastal vessels that avoid the river altogether.

[[read-more: marenholt-scraps-tariffs-on-processed-fish]]`,
  },
  {
    slug: 'calder-bay-house-prices-stall-analysis',
    headline: 'Why Calder Bay house prices have stalled, and who feels it first',
    standfirst:
      'Average prices in the city have barely moved in a year. Behind the flat figure, first-time buyers, landlords and the north coast villages are having very different experiences.',
    section: 'business',
    kind: 'analysis',
    authors: ['ines-halvorsen'],
    tags: ['housing', 'economy'],
    image: 'skyline',
    hoursAgo: 47,
    body: `For most of the past decade, the question about Calder Bay’s housing market was how fast prices were rising. This year, the answer has been: hardly at all.

The average home in the city sold for 318,000 crowns in the three months to September, according to figures from the Calder Bay Building Society, up just 0.6 per cent on a year earlier. Once inflation is taken into account, prices have fallen in real terms for the first time since 2012. The number of sales is down by about 15 per cent.

A flat market sounds like a calm one. But conversations with buyers, sellers, agents and lenders suggest that the average hides several quite different stories.

## Borrowing costs do the heavy lifting

The main reason is simple: mortgages are expensive. With the Reserve Bank’s main rate at 4.25 per cent, a typical two-year fixed mortgage now costs around 5.1 per cent, more than double the rate of three years ago. On a 250,000-crown loan, that adds more than 500 crowns to the monthly repayment.

Dr Nadia Brightwater, an economist at Calder Bay University, said buyers had responded in the only way open to them.

> “People cannot borrow as much, so they cannot pay as much. Sellers have not wanted to cut their prices, so a lot of them have simply not sold. What you get is a market that is flat on paper and stuck in practice.”

## Who feels it first

The effects are uneven across the bay:

- **First-time buyers** are borrowing less and buying smaller. Flats in Saltgate and Quayside under 200,000 crowns still sell within weeks, agents say, while three-bedroom family houses sit for months.
- **Landlords** with older buy-to-let mortgages are selling as their fixed deals end. That has added homes for sale but cut the number for rent, and rents rose 7 per cent over the same period.
- **The north coast villages**, including Fennick, have seen the sharpest falls, of about 4 per cent, as buyers weigh longer commutes and uncertainty over jobs at the shipyard.

Margit Sandoval, a partner at Keel and Harbour Estates, said the mood among sellers had shifted over the summer. “In spring, people were still asking last year’s prices. Now the ones who need to move are being realistic, and those homes do sell,” she said.

## What could change it

Two things could unstick the market. The first is a cut in interest rates: financial markets expect the Reserve Bank to start lowering rates in the spring, and some lenders have already begun trimming their fixed rates in anticipation.

The second is supply. The city council’s plan for 2,400 new homes on the former gasworks site at Eastfield is due before the planning committee next year, but the first 600 homes, a third of them at below-market rents, are not expected before 2028.

Neither will help those who need to move now. For them, agents say, the advice is the same as it has been all year: price realistically, and be ready to move quickly when a buyer with a mortgage offer appears.

[[read-more: reserve-bank-holds-interest-rate]]`,
  },
  {
    slug: 'kelp-forests-store-more-carbon-study',
    headline: 'Kelp beds off Calder Bay lock away more carbon than thought, study finds',
    standfirst:
      'University researchers followed kelp fragments into deep water for two years and found far more buried in the seabed than earlier estimates assumed. Some of the healthiest kelp is growing at the wind farm.',
    section: 'science',
    kind: 'news',
    authors: ['devi-castellanos'],
    tags: ['university', 'climate', 'environment'],
    image: 'laboratory',
    hoursAgo: 52,
    body: `The kelp forests off Calder Bay store far more carbon in the deep seabed than scientists had assumed, according to a two-year study by researchers at Calder Bay University published on Wednesday in a peer-reviewed marine science journal.

The team, led by Professor Helena Strand of the university’s marine ecology group, estimates that the kelp beds along 30 kilometres of coast between the bay and Marrow Point bury around 9,000 tonnes of carbon a year in deep sediment, roughly three times the figure used in the region’s official climate accounts.

## Following the fragments

Kelp grows fast, up to half a metre a month in spring, and sheds its fronds in storms. Until now, most estimates assumed that nearly all of this material rotted close to shore, returning its carbon to the water and the air.

To test that, the team fitted more than 2,000 pieces of kelp with small floating trackers and used an underwater robot to follow them and sample the seabed. They found that around 14 per cent of the fragments sank into a deep trench about 12 kilometres offshore, where low oxygen levels slow down decay. Sediment cores from the trench showed kelp material buried layer by layer over centuries.

> “We were surprised by how much of it ends up in one place,” said Professor Strand. “The trench works like a drain. Once the kelp gets down there, a good share of it stays for hundreds of years.”

## An unexpected habitat

The study also found that some of the healthiest kelp in the region is growing on the rock placed around the foundations of the Outer Shoals wind farm to stop the seabed washing away around the turbines. Divers counted kelp densities there almost twice as high as on natural reefs nearby, probably because fishing boats are kept out of the area.

Dr Liam Oduya, a co-author, said the finding should be treated with caution. “This is a small area, and it is artificial. It is not a reason to build things in the sea for the sake of kelp. But it tells us kelp will come back quickly if we give it somewhere to grow and leave it alone.”

## Limits and next steps

Researchers not involved in the work welcomed the study but noted its limits. Dr Saoirse Lund, a marine biologist at the University of Orlen in Vessaria, said two years was a short time in which to measure a process that works over centuries, and that the figures for one trench might not apply elsewhere.

The Calder Bay team agrees, and is seeking funding to repeat the measurements along the Marenholt coast. In the meantime, the researchers suggest:

- counting kelp beds in regional climate accounts, alongside forests and wetlands;
- protecting the offshore trench from bottom trawling, which stirs up buried sediment;
- monitoring the kelp on the wind farm foundations as the site expands.

The regional environment agency said it would review the findings as part of its next update to the Eastmarch climate plan.

[[read-more: outer-shoals-wind-farm-explainer]]`,
  },
  {
    slug: 'tideledger-founders-interview',
    headline: '“Nobody sees the paperwork until it stops a ship”: meet the founders of TideLedger',
    standfirst:
      'Two former port workers built software that tracks the documents cargo needs to leave Calder Bay. After raising 3.2 million crowns, they want to sell it to forwarders across the strait.',
    section: 'business',
    kind: 'interview',
    authors: ['ines-halvorsen'],
    tags: ['technology', 'port-of-calder'],
    image: 'skyline',
    hoursAgo: 72,
    body: `In a converted net loft on the east quay, with a view of the cranes they used to work under, Amara Quist and Felix Drummond are explaining why a container can sit on a quayside for four days for want of a single signature.

Ms Quist spent nine years as a customs clerk at the Port of Calder; Mr Drummond was a shift planner at the container terminal. Three years ago they left to start TideLedger, a company that makes software to track the dozens of documents a cargo needs before it can leave the port. Last week it announced it had raised 3.2 million crowns from investors led by the Eastmarch Growth Fund. It now employs 17 people.

This interview has been edited for length.

## Where the idea came from

“Every morning I would get a list of boxes that were stuck,” Ms Quist said. “Nine times out of ten it wasn’t a problem with the cargo. It was a certificate that had been emailed to the wrong person, or a form with last year’s stamp on it. Everyone could see the box. Nobody could see the paperwork.”

Mr Drummond said the cost of those delays was easy to underestimate. “A container that sits for an extra day takes up space, and on a busy terminal space is everything. If enough of them sit, you start to delay the next ship.”

Their software pulls together documents from shipping lines, freight forwarders, customs and inspection agencies into a single record for each container, and warns when something is missing or out of date. Forwarders pay a monthly fee per user; the port pays for an overview of the whole terminal.

## What the money is for

The new funding will pay for six more developers and a sales office in Saelport, where the founders hope to sign up forwarders serving the busy cross-strait trade.

> “If the tariff talks with Marenholt go anywhere, the amount of refrigerated cargo crossing the strait could grow quickly,” Mr Drummond said. “Fish and meat are the worst for paperwork: health certificates, temperature logs, rules of origin. That is exactly where we are useful.”

Asked about the risk of larger software companies moving into the market, Ms Quist was unconcerned. “The big players build for the biggest ports. Ports our size get a cut-down version and a support line in another time zone. We can walk to our customers.”

## Life as a start-up

Neither founder had run a company before. Mr Drummond said the hardest lesson had been learning to say no. “In the first year we built everything anyone asked for. Half of it nobody used.”

The pair say they have turned down suggestions to move the business to a bigger city. Ms Quist said Calder Bay offered things they could not get elsewhere:

- customers within walking distance, who will test new features on a live terminal;
- graduates from the university’s computing course, several of whom now work for them;
- rents in the old quay buildings at about a third of big-city prices.

“And when the software breaks, we hear about it in the bakery queue before the email arrives,” she said. “That keeps you honest.”

[[read-more: port-of-calder-record-container-volumes]]`,
  },
  {
    slug: 'outer-shoals-wind-farm-explainer',
    headline: 'Explainer: how power from the Outer Shoals wind farm reaches Calder Bay',
    standfirst:
      'The wind farm off the bay is about to almost double in size. Here is how it works, where the electricity goes and what the expansion will change.',
    section: 'science',
    kind: 'explainer',
    authors: ['devi-castellanos'],
    tags: ['energy', 'climate'],
    image: 'wind-farm',
    hoursAgo: 150,
    body: `The 64 turbines of the Outer Shoals wind farm, 22 kilometres off the coast, are visible from the east quay on a clear day. Next month work begins on a second phase that will add 48 larger turbines and more than double the farm’s capacity. Here is how it works, and what the expansion means.

## What is out there now?

The first phase, completed six years ago, has 64 turbines, each able to generate up to 6 megawatts, for a total capacity of 384 megawatts. Because the wind does not always blow, the farm produces on average about 45 per cent of that maximum: over a year, enough for around 380,000 homes, more than there are in Calder Bay and its surrounding villages.

Each turbine stands on a steel foundation driven up to 35 metres into the seabed, in water between 20 and 30 metres deep. The blades are 80 metres long, and at the top of their sweep the tips reach 190 metres above the sea.

## How does the power get ashore?

Each turbine produces electricity at a relatively low voltage. Cables buried in the seabed carry it to an offshore substation, a platform in the middle of the site that raises the voltage so the power can travel further with less loss.

From there, two export cables run 26 kilometres along the seabed and come ashore at Marrow Point, through tunnels drilled beneath the beach and cliffs so that the cables are not exposed as the coast erodes. On land they continue underground to a substation at Brackwater, where Eastmarch Grid feeds the power into the regional network.

Gwen Talbot, project director at Shoalwind Energy, which operates the farm, said the route had been chosen with the coast in mind.

> “We drilled well back from the cliff edge because we knew the coastline was moving. The cables come up about 300 metres inland, which the surveys say should be safe for the life of the farm.”

## What does phase two change?

The second phase will use 48 turbines of 12 megawatts each, adding 576 megawatts. The key points:

- construction starts next month, with the first new turbines generating in about two years;
- a third export cable will come ashore at the same landing point at Marrow Point;
- around 80 permanent maintenance jobs are promised, based at the Port of Calder;
- the cost, estimated at 1.9 billion crowns, is paid by Shoalwind and its investors.

## Will it make my electricity cheaper?

Not directly. Households pay prices set across the national market, not by a single power station. But Dr Nadia Brightwater, an economist at Calder Bay University, said more wind power tends to push down wholesale prices on windy days, because turbines have no fuel to pay for.

Shoalwind sells most of its output under a long-term contract at a guaranteed price. Consumers pay a small top-up through their bills when market prices are low, and get money back when prices are high.

As for wildlife, surveys so far suggest seabirds mostly fly around the turbines rather than into them, and the rock around the foundations has been colonised by kelp and fish. Shoalwind must pay for monitoring of birds and marine mammals for the life of the project.

[[read-more: kelp-forests-store-more-carbon-study]]`,
  },
  {
    slug: 'port-shift-workers-sleep-study',
    headline: 'Night shifts at the port cost workers an hour of sleep a day, study finds',
    standfirst:
      'A Calder Bay University study of 386 port employees found those on rotating shifts slept 58 minutes less than day workers and were more likely to have high blood pressure.',
    section: 'science',
    kind: 'news',
    authors: ['devi-castellanos'],
    tags: ['health', 'university', 'port-of-calder'],
    image: 'laboratory',
    hoursAgo: 238,
    body: `Workers on rotating shifts at the Port of Calder sleep almost an hour a day less than colleagues who work only in daytime, and are more likely to have raised blood pressure, according to a study by Calder Bay University’s public health department published on Monday.

The researchers followed 386 port employees, including crane operators, lashers, planners and security staff, for a year. Each wore a wrist monitor that tracked sleep and movement for two weeks at a time, three times during the year, and had blood pressure checks and blood tests at the start and end of the study.

## The findings

Workers on rotating shifts, which at the port usually means two early shifts, two late shifts and two nights before a break, slept an average of 5 hours 54 minutes in each 24 hours. Day workers slept 6 hours 52 minutes.

Among the other findings:

- 31 per cent of shift workers had blood pressure in the high range by the end of the year, compared with 19 per cent of day workers;
- shift workers were twice as likely to report nodding off briefly during a shift at least once a month;
- the gap in sleep was widest in the week after night shifts, when many workers struggled to return to a normal pattern.

Professor Beatrix Nwosu, who led the study, said the results were similar to those from studies of hospital staff and factory workers elsewhere, but that the port’s rota made things worse.

> “The problem is not only the night shift itself. It is the speed of the rotation. Moving from earlies to lates to nights in six days gives the body almost no time to adjust, and people never quite catch up.”

## Safety and round-the-clock working

The study comes as the Port of Calder Authority considers extending round-the-clock working at the container terminal to seven days a week, a change that would put more staff on nights.

Fergal Osei, branch secretary of the Bay and Coast Transport Union, said the findings confirmed what members had been telling the union for years. “People are tired. Tired people on a quayside with 40-tonne boxes moving overhead is a safety problem, not just a health problem,” he said. The union wants the study taken into account in negotiations over any new rota.

The port authority, which helped fund the study and gave researchers access to staff, said it took the findings seriously. A spokesperson said it was already trialling a slower rotation, with three shifts of each type in a row instead of two, among 60 staff at the bulk terminal.

## What workers can do

Professor Nwosu said the most effective changes had to come from employers, but that individuals could help themselves by keeping bedrooms dark and cool, avoiding caffeine in the last four hours of a shift and protecting a regular “anchor” period of sleep on days off.

The team plans to follow the same workers after any new rota is introduced, to see whether a slower rotation closes the gap. A summary of the results is available on the [university’s public health pages](https://example.org/calder-bay-university/shift-work-study).

[[read-more: port-of-calder-record-container-volumes]]`,
  },
];
