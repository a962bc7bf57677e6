import type { DemoArticle } from './types.js';

// Demo articles, part C: sport, culture and opinion.
// Every person, club, band, book and place here is invented for Newsdesk.

export const articlesC: DemoArticle[] = [
  // ── Sport ────────────────────────────────────────────────────────────────
  {
    slug: 'mariners-late-winner-fennick-rovers',
    headline: 'Dray’s late header sinks Fennick Rovers as Mariners climb to fifth',
    standfirst:
      'Callum Dray scored in the 88th minute at Brackwater Park on Saturday to give the Mariners a 2–1 win, with new signing Teodor Vask outstanding on his first start.',
    section: 'sport',
    kind: 'news',
    authors: ['jonah-whitcombe'],
    tags: ['mariners'],
    image: 'stadium',
    hoursAgo: 18,
    body: `Callum Dray waited 87 minutes for a clean chance at Brackwater Park on Saturday, and when it came he did not waste it. The striker met Teodor Vask’s curling cross at the near post and glanced a header past the Fennick Rovers goalkeeper, Anders Mulgrew, to give the Calder Bay Mariners a 2–1 win in front of 9,412 supporters.

The result lifts the Mariners to fifth in the table, two points behind Portholm Town in the last play-off place, and ends a run of three league games without a win at home.

## A scrappy first half

For long spells it did not look like a winning afternoon. Fennick, who arrived with the division’s meanest defence, sat deep and waited, and the Mariners’ passing in the first half was slow and sideways. The visitors took the lead in the 31st minute when their captain, Jed Holloway, was left unmarked at a corner and volleyed in from eight yards.

Head coach Elspeth Garroway spent most of the half on the edge of her technical area, and her half-time changes were immediate. Yusuf Brenner was pushed into a more advanced role and both full-backs were told to play higher. Within seven minutes of the restart the Mariners were level: Brenner collected a loose ball 25 yards out and drove a low shot inside the far post.

## Vask makes his mark

Much of the crowd had come to see Vask, the 24-year-old winger signed from Portholm Town last week for a fee the club has not disclosed but which is understood to be a club record. After twenty minutes as a substitute in midweek, this was his first start, and he looked every inch the player the club had chased all summer.

He beat his full-back on the outside four times in the first half alone, and his delivery was the best the Mariners have had from a wide position this season. The winning cross came from his weaker left foot after he had cut back inside.

> “I told him before the game: keep going at him, the chance will come,” Garroway said afterwards. “He did that for 88 minutes and Callum did the rest. I’m pleased for both of them, but I’m more pleased that we kept our heads when it wasn’t going our way.”

Dray, whose goal was his seventh of the season, was more succinct. “It’s the easiest header I’ll get all year,” he said. “The ball just arrived on my head. I owe him a coffee.”

## Worry for the captain

There was concern in stoppage time when captain Ruairi Penhallow went down clutching his hamstring. He walked off unaided, and the club said he would be assessed on Monday. The Mariners have conceded only four goals in their last seven games, and losing their most reliable centre-back for any length of time would be a serious blow.

Rovers manager Colm Eddery felt his side deserved a point. “We did everything right for 80 minutes,” he said. “One cross, one header. That’s the level.”

The Mariners travel to Wyndham Town next Saturday.

- **Mariners:** Oosterbaan; Keane, Penhallow, Adeyemi-Hart, Solberg; Brenner, Harcourt, Larrabee; Vask, Dray, Meacham.
- **Scorers:** Brenner 52, Dray 88; Holloway 31.
- **Attendance:** 9,412.

[[read-more: mariners-sign-teodor-vask-club-record]]

[[read-more: mariners-ten-men-draw-eastmarch-athletic]]`,
  },
  {
    slug: 'mariners-ten-men-draw-eastmarch-athletic',
    headline: 'Ten-man Mariners hang on for a point at Eastmarch Athletic',
    standfirst:
      'Sam Meacham’s early goal was cancelled out after Lars Quist was sent off, but a stubborn second half earned the Mariners a 1–1 draw on Tuesday night.',
    section: 'sport',
    kind: 'news',
    authors: ['jonah-whitcombe'],
    tags: ['mariners'],
    image: 'stadium',
    hoursAgo: 64,
    body: `For an hour on Tuesday night it looked as though the Calder Bay Mariners’ week would unravel at the Foundry Ground. Reduced to ten men before half-time and pegged back soon after the break, they spent most of the second half defending their own penalty area against an Eastmarch Athletic side that had won its previous four home games. They came away with a 1–1 draw, and nobody among the 640 travelling supporters was complaining.

## A bright start, then a red card

The Mariners began well. In the ninth minute Sam Meacham ran on to a long ball from Ruairi Penhallow, held off his marker and lifted a finish over the goalkeeper, Tobias Renn. It was Meacham’s third goal in four games, and exactly the kind of direct goal head coach Elspeth Garroway has been asking for all season.

The game turned in the 39th minute. Lars Quist, already booked for a late challenge, slid in on Athletic’s playmaker Osric Dunmore near the halfway line, and the referee, Helen Marchbank, showed a second yellow card without hesitation. Quist, who had been one of the Mariners’ better players, walked off with his head down.

Athletic equalised four minutes into the second half. A corner was only half-cleared, and full-back Dario Pellegrin hit a shot on the bounce that took a deflection off Yusuf Brenner and looped over Piet Oosterbaan.

## Forty minutes of defending

What followed was a long exercise in patience. Garroway switched to a back five and the Mariners defended deep and narrow. Athletic had 19 shots in all, 11 of them after the break, but Oosterbaan was seriously tested only twice: by a low drive from Dunmore that he pushed round the post, and by a header from a free-kick in the 84th minute that he tipped over the bar.

> “That’s the best we’ve defended all year,” Garroway said. “With ten men, away from home, against a team in that kind of form, I’ll take it. I’m not happy about the red card, and Lars knows that. But I’m proud of how the others responded.”

Quist will serve a one-match suspension and miss Saturday’s home game against Fennick Rovers.

## A first look at Vask

The away end also got its first glimpse of Teodor Vask, the winger signed last week for a club-record fee. He came on with 20 minutes left, mainly to give his side an outlet on the counter-attack, and twice carried the ball 40 yards to relieve the pressure. On one of those runs he drew a foul that let the Mariners catch their breath.

“It wasn’t the debut I imagined, running backwards more than forwards,” Vask said. “But you learn a lot about a dressing room when you’re down to ten men. I liked what I saw.”

Garroway confirmed that he would be in contention to start on Saturday. “He’s fit and he’s hungry,” she said. “We’ll see.”

The draw leaves the Mariners sixth, four points outside the play-off places with 13 games remaining.

- **Mariners:** Oosterbaan; Keane, Penhallow, Adeyemi-Hart, Solberg; Brenner, Quist, Larrabee; Meacham, Dray, Okafor-Lund (Vask 70).
- **Scorers:** Meacham 9; Pellegrin 49.
- **Sent off:** Quist 39 (second yellow card).

[[read-more: mariners-sign-teodor-vask-club-record]]`,
  },
  {
    slug: 'mariners-sign-teodor-vask-club-record',
    headline: 'Mariners break transfer record to bring Teodor Vask home',
    standfirst:
      'The 24-year-old winger, who grew up a short walk from Brackwater Park, has signed a three-and-a-half-year contract after leaving Portholm Town.',
    section: 'sport',
    kind: 'news',
    authors: ['jonah-whitcombe'],
    tags: ['mariners'],
    image: 'stadium',
    hoursAgo: 96,
    body: `The Calder Bay Mariners have signed the winger Teodor Vask from Portholm Town for a fee understood to be the highest the club has ever paid, ending a pursuit that began in the summer and, by the chairman’s own account, nearly collapsed twice.

Vask, 24, signed a contract running for three and a half seasons on Thursday afternoon and was introduced to supporters on the pitch at Brackwater Park an hour later. He is expected to be registered in time for Tuesday’s trip to Eastmarch Athletic.

## A local boy returns

For many supporters the appeal is as much about where Vask comes from as what he can do. He grew up on Tanner’s Row, a few minutes’ walk from the ground, and played his first organised football for Northquay Juniors, the volunteer-run club on the Rope Walk recreation ground. He was released by the Mariners’ academy at 15 and spent two seasons in non-league football before Portholm took a chance on him.

> “I used to stand in the Quay End with my dad,” Vask said. “When I got released I thought that was it for me and this club. To come back like this is hard to put into words. I just want to pay people back on the pitch.”

At Portholm he scored 17 goals and provided 23 assists in 98 league appearances, and he was named their player of the season last year.

## Why now

Head coach Elspeth Garroway said the Mariners had become too predictable in wide areas. The club has scored only 31 goals in 32 league games, the fewest of any side in the top eight.

“We have a lot of the ball and we don’t create enough with it,” she said. “Teo goes past people. He makes a crowd stand up. We’ve needed that for a long time.”

The chairman, Douglas Fairlie, declined to confirm the fee but said the board had “stretched itself” to complete the deal. A first approach was rejected in July, and a second bid fell through in August when Portholm’s own replacement target signed elsewhere.

“I won’t pretend it was cheap,” Fairlie said. “But we’ve spent years selling our best young players the moment they became worth watching. For once we’re buying one, and he’s one of ours.”

## What it means for the squad

The arrival puts pressure on the club’s existing wide players. Jonas Okafor-Lund, who has started 22 league games on the right this season, is the most likely to make way, although Garroway insisted there would be “no automatic picks”.

To make room in the squad, the club has also confirmed that the young forward Reece Tolland will join Harbourside Albion on loan until the end of the season.

Vask will wear the number 11 shirt. Replica shirts bearing his name went on sale in the club shop within an hour of the announcement, and staff said 340 had been sold by closing time.

Back on the Rope Walk, his first coach was delighted. “He was the smallest boy in his age group and the only one who never stopped running,” said Bern Aulds, the founder of Northquay Juniors. “We’ll all be at Brackwater Park to watch him.”

[[read-more: northquay-juniors-bern-aulds-interview]]`,
  },
  {
    slug: 'harbour-regatta-breakwater-mile',
    headline: 'Three hundred volunteers, sixty-four crews and one very old oar: inside the Harbour Regatta',
    standfirst:
      'The 142nd Harbour Regatta takes to the water on Sunday. Behind the racing is a small army of volunteers who have spent months getting the bay ready.',
    section: 'sport',
    kind: 'feature',
    authors: ['jonah-whitcombe'],
    tags: ['regatta', 'port-of-calder'],
    image: 'harbour',
    hoursAgo: 28,
    pin: 'featured',
    body: `At half past six on a grey morning this week, Gwen Marsh stood at the end of the north pier with a clipboard, a flask of tea and a pair of binoculars, counting buoys. There should have been 48 of them laid out across the inner harbour. There were 47.

“There is always one,” said Marsh, who has been the Harbour Regatta’s course director for 19 years. “Every year, one goes walkabout. We’ll find it.”

By Sunday morning the missing buoy will, she promises, be back in position, and the 142nd Harbour Regatta will begin with the traditional firing of the cannon from the east quay at ten o’clock. Sixty-four crews are entered, the most since 1987, racing in 22 events from junior sculls to the six-oared gigs that draw the biggest crowds.

## The Breakwater Mile

The highlight, as ever, is the Breakwater Mile, a race for six-oared gigs from the harbour mouth to a finish line off the Saltgate steps. The winners receive the Pilot’s Oar, a battered wooden blade that the regatta’s records say was first presented in 1884 and has been repaired at least five times since.

Last year’s winners, the Fennick Gig Club, return with four of the same crew. Their main challengers are expected to be the Saltgate Rowing Club, who finished second by less than a length, and a new crew from the Calder Bay University boat club.

> “We’ve been on the water five mornings a week since April,” said the Saltgate stroke, Imogen Trask, a 27-year-old paramedic. “Losing by that much last year still hurts. Nobody in the boat has talked about anything else for months.”

## An army in hi-vis

None of it happens without volunteers. This year’s regatta relies on about 300 of them, according to the organising committee: marshals, safety boat crews, first-aiders, timekeepers, the people who run the tea tent and the people who pick up the litter afterwards. Only two people are paid, and both of them work part-time.

The committee’s chair, Len Okoro, said recruitment had become harder every year. “We used to have a waiting list for the safety boats,” he said. “Now we are phoning round in June. People are busier and the paperwork is heavier. But the ones who do come are extraordinary. Some of them have been doing this for forty years.”

Among them is Dot Harrower, 81, who has kept the results board outside the harbour office since 1979, chalk in hand. She has no plans to stop. “They keep offering me a laptop,” she said. “I keep saying no.”

## Getting there

The regatta usually draws crowds of 20,000 or more to the waterfront, and organisers are urging spectators to walk, cycle or take the cross-bay ferry, which will run every 20 minutes between 9am and 7pm on Sunday. Parking on the east quay will be closed from Saturday evening.

- **Racing:** children’s events from 10.15am; the Breakwater Mile at 3pm; prize-giving on the Saltgate steps at 5.30pm.
- **Where to watch:** the north pier, the Saltgate steps and the east quay promenade. All racing is free to watch.
- **On the water:** the inner harbour is closed to private boats from 8am to 7pm.

Forecasters expect light winds and afternoon sunshine, which Marsh regards with suspicion. “Light winds are lovely for spectators,” she said. “Ask me on Sunday whether they were lovely for me.”

[[read-more: column-volunteers-buried-in-forms]]`,
  },
  {
    slug: 'northquay-juniors-bern-aulds-interview',
    headline: '‘Every Saturday is a small miracle’: Bern Aulds on 31 years of Northquay Juniors',
    standfirst:
      'The founder of Calder Bay’s biggest junior football club talks about muddy pitches, missing kit and why she worries about who will take over from her.',
    section: 'sport',
    kind: 'interview',
    authors: ['jonah-whitcombe'],
    tags: ['city-council', 'education'],
    image: 'skyline',
    hoursAgo: 120,
    body: `Bernadette Aulds, known to everyone on the Rope Walk recreation ground as Bern, started Northquay Juniors with one team, eleven borrowed shirts and a bag of balls bought with the proceeds of a car boot sale. Thirty-one years later the club runs 14 teams, from under-sevens to under-16s, with 260 children on its books and a waiting list of 70 more.

She is 66, retired from the payroll office at the port, and still at the ground by eight every Saturday morning to put up the nets. We talked in the club’s portable cabin, between a crate of lost water bottles and a kettle she says is older than most of her coaches.

## How it started

Her son wanted to play football, and there was nowhere nearby for him to do it. “The nearest club was on the other side of the bay, and I didn’t drive,” she said. “So I put a card in the newsagent’s window. Fourteen kids turned up the first week. I had no idea what I was doing.”

She learned on the job, took her coaching badges in her forties and has since coached, by her own rough count, more than 3,000 children. A handful have gone on to play professionally. Most, she says with some pride, have not.

> “The ones who make it, lovely, I’ll cheer for them. But that was never the point. The point is a ten-year-old who hasn’t got a lot going on at home having somewhere to be on a Saturday morning, and somebody who notices if they don’t turn up.”

Subscriptions have not changed since 2015, and about a third of families pay nothing at all. The club makes up the difference with a summer tournament, a quiz night and, every December, a sponsored walk around the bay.

## The hard parts

The club’s pitch hire bill from the city council has risen by 40 per cent in five years. Aulds accepts that the council is short of money, but says the increases have arrived with little warning.

Her bigger frustration is paperwork. The club’s 38 coaches and helpers are all unpaid, and all of them go through safeguarding checks, which she fully supports. What she does not support is the council’s new community use agreement, which every group hiring a council pitch must now complete each season.

“I’m not against rules,” she said. “Safeguarding matters, and I’d show anyone the door who cut corners on it. But I spent four evenings on that council form, and half the questions were about catering. We have a kettle.”

## Who comes next

Her biggest worry is succession. Most coaches are parents who drift away once their own children move on. “I’ve asked three people to take over as secretary,” she said. “All three said they would think about it. That was two years ago.”

She will not set a date for stepping down. Asked what the club would need to survive without her, she had a list ready:

- a secretary who can deal with the council and the league paperwork;
- two or three coaches willing to stay on after their own children have finished;
- a permanent home for the kit, which at the moment lives in her garage.

“And someone to find the water bottles,” she added. “There are always water bottles.”

Anyone interested in helping can find details on [the club’s page](https://example.org/northquay-juniors/volunteer).

[[read-more: column-volunteers-buried-in-forms]]`,
  },

  // ── Culture ──────────────────────────────────────────────────────────────
  {
    slug: 'pellow-inheritance-lantern-theatre-review',
    headline: 'The Pellow Inheritance, Lantern Theatre review: a family saga that earns its storm',
    standfirst:
      'Orla Brennick’s new play about a harbour chandlery and the three sisters who inherit it is funny, furious and, in its final half-hour, genuinely moving.',
    section: 'culture',
    kind: 'review',
    authors: ['priya-lindqvist'],
    tags: ['theatre'],
    image: 'theatre',
    hoursAgo: 56,
    body: `There is a storm at the end of the first act of _The Pellow Inheritance_, and it is the best piece of stagecraft I have seen at the Lantern Theatre in years. The lights drop, the wind rises through the sound system until you feel it in your chest, and Ana Corvell’s set, a cramped chandlery stacked to the rafters with rope, lamps and tins of varnish, begins very slowly to tilt. By the interval, the woman next to me had her hand over her mouth.

That the rest of the evening lives up to that moment is the real achievement of Orla Brennick’s new play, which opened on Thursday and runs for five weeks.

## Three sisters and a shop

The set-up is simple. Agnes Pellow, who ran the family chandlery on the east quay for forty years, has died, and her three daughters gather to decide what to do with it. Morwenna (Hannah Deverill), the eldest, stayed in Calder Bay and has worked in the shop all her life. Cass (Juno Abernethy) left for the capital and a career in property. The youngest, Bee (Shona Tarrant), has come home from somewhere she will not talk about, and has brought a boyfriend nobody likes.

Brennick, who grew up above a shop on Tanner’s Row, writes the sisters with real affection and a sharp ear. The arguments over the will are very funny, particularly a long scene in which the three of them try to put a price on a cupboard full of unsold oilskins. But the jokes are doing work: every laugh tightens the screw a little further.

## Deverill’s evening

The production belongs to Deverill. Morwenna could easily have been the martyr of the piece, the sister who stayed and resents it. Deverill plays her instead as a woman who has quietly built a life she does not want to give up, and who is frightened that nobody else can see it. Her second-act speech about the customers who come in for one brass hinge and stay for an hour is the emotional centre of the play, and she delivers it almost without moving.

Abernethy is very good as Cass, although the writing lets her down in places; her change of heart in the final scene needs one more beat to be believable. Felix Ambrose, as the unloved boyfriend, turns a thankless role into something surprisingly touching.

## Quibbles

Marcus Ilesworth’s direction is mostly assured, but the first twenty minutes drag, and a subplot about a disputed mooring licence could be cut without loss. At two hours and forty minutes including the interval, the evening is about a quarter of an hour too long.

These are small complaints about a production that takes a very local story and makes it feel large. The Lantern has had a difficult couple of years, with falling audiences and a regional funding review hanging over it. This is exactly the kind of work it should be making, and exactly the kind of work the city should turn out to see.

> _The Pellow Inheritance_ is at the Lantern Theatre for five weeks. Tuesday performances are pay-what-you-can. Four stars.

[[read-more: ana-corvell-printmaker-interview]]`,
  },
  {
    slug: 'lantern-festival-programme-announced',
    headline: 'Lantern Festival unveils the biggest programme in its 38-year history',
    standfirst:
      'Eleven days, 140 events and a procession of 2,000 handmade lanterns: organisers say more than half of this year’s programme will be free.',
    section: 'culture',
    kind: 'news',
    authors: ['news-desk'],
    tags: ['music', 'theatre', 'books'],
    image: 'festival',
    hoursAgo: 3,
    body: `The Lantern Festival will return to Calder Bay next month with 140 events across 11 days, its organisers announced on Wednesday, making this year’s edition the largest since the festival began in a single marquee on Saltgate Square 38 years ago.

The festival director, Rosalind Fairweather, said 78 events would be free to attend, up from 52 last year, and that prices for ticketed events would be frozen for a third year running.

> “The festival belongs to the city, not just to the people who can afford a ticket,” Fairweather told volunteers and sponsors at the Lantern Theatre. “Every year somebody tells us we should charge more. Every year we decide not to.”

## The procession

The festival will open, as always, with the lantern procession from the north pier to Saltgate Square at dusk on the first Friday. Organisers expect about 2,000 handmade lanterns, most of them made in free workshops at libraries and schools across the city over the coming weeks.

For the first time the procession will be led by a six-metre lantern in the shape of a herring boat, designed by the printmaker Ana Corvell and built with pupils from Saltgate Primary School and residents of the Harbourview care home. Corvell said the boat would carry the name of every child and resident who helped to make it.

“I’ve been sworn to secrecy for two months,” she said. “I’m very glad I can finally talk about it, because my studio is full of willow.”

## Music, theatre and books

Highlights of the programme include:

- a homecoming concert in Saltgate Square by the Netlofts, the Gull Street band whose debut album _Flood Tables_ was released this month;
- a late-night performance of _The Pellow Inheritance_ at the Lantern Theatre during its final week, followed by a talk with the playwright Orla Brennick;
- a reading by the novelist Hester Valcourt from _A Ledger of Small Tides_, held on board a cross-bay ferry;
- a weekend of free family theatre in Wyndham Park, including a puppet version of the old legend of the drowned bell.

Calder Bay University will host a series of evening talks on the history of the harbour, and traders at the Saltgate market will stay open until 10pm on both Saturdays.

## Funding and volunteers

Just under 40 per cent of the festival’s budget comes from the city council and about a fifth from the Eastmarch regional assembly’s arts fund, with the rest raised from sponsors, ticket sales and donations. Fairweather acknowledged that the assembly’s review of arts funding, due to report in the spring, could affect future editions.

“We have planned this year carefully,” she said. “I can’t plan next year until I know what the assembly decides.”

The festival is also looking for 150 more volunteers, particularly stewards for the night of the procession. Stewards receive training, a festival jacket and, Fairweather promised, “more hot chocolate than is strictly sensible”.

The full programme is published on [the festival website](https://example.org/lantern-festival/programme). Tickets go on sale on Monday at 9am, and free events do not need to be booked.

[[read-more: ana-corvell-printmaker-interview]]

[[read-more: netlofts-flood-tables-debut-album]]`,
  },
  {
    slug: 'netlofts-flood-tables-debut-album',
    headline: 'From a room above a net shop to a sold-out hall: the Netlofts release their debut',
    standfirst:
      'The five-piece from Gull Street spent four years playing to half-empty rooms. Their first album, Flood Tables, is out on Friday, and the city has started to listen.',
    section: 'culture',
    kind: 'feature',
    authors: ['mara-okonkwo'],
    tags: ['music'],
    image: 'harbour',
    hoursAgo: 166,
    body: `The Netlofts rehearse in a long, low room above a net-mending workshop on Gull Street, where the floorboards slope towards the harbour and the smell of tar never quite goes away. The band have climbed the stairs to it twice a week for four years. On Friday they release their first album, _Flood Tables_, and on Saturday they play the biggest headline show of their lives, at a sold-out Ropeworks Hall.

“We booked the Ropeworks because it felt ambitious,” said the singer, Maddie Penrose, 26. “It holds 450 people. It sold out in two days. We’re still slightly in shock.”

## Four years of small rooms

The band formed when Penrose, a teaching assistant, met the guitarist Aurelio Fenn at an open-mic night at the Anchor and Bell. They recruited Fenn’s cousin Niamh Delacourt on bass and Kit Amadi on drums, and a year later Hollis Brand joined on fiddle and keyboards.

The early gigs were, by their own account, grim. Fenn remembers a Tuesday night in Fennick when they played to the bar staff and one man, who left halfway through to catch the last train. “We took it as a review,” he said.

What changed was the songs. Penrose began writing about the city she grew up in: the ferries, the night shifts at the container port, the flood markers painted on the harbour wall that give the album its title. The result is a record that sounds unmistakably like Calder Bay, with folk melodies laid over a rhythm section that owes more to post-punk than to sea shanties.

## The record

_Flood Tables_ was recorded over nine days last winter in a small studio in the old customs house, paid for partly by a grant from the city’s small arts fund and partly by a crowdfunding campaign that passed its target within a week. It has ten songs, and the standout, _Last Ferry Home_, has already been streamed more than 200,000 times.

Penrose’s lyrics are specific and plain-spoken. One song lists the streets demolished when the port expanded half a century ago; another, _Slack Water_, was written the night she finished Hester Valcourt’s novel _A Ledger of Small Tides_ in a single sitting.

> “I don’t think you can write about a place honestly unless you name things,” Penrose said. “Everyone in this city knows what the flood markers mean. You don’t have to explain them to anyone.”

## Staying put

Offers have started to arrive. The band have been approached by two record labels and a booking agency from the capital, and are weighing up a tour in the spring. Delacourt insists that none of them intends to leave.

“Every band that does well here moves away,” she said. “We want to be the one that doesn’t. This city is what we write about. It would be strange to go and write about it from somewhere else.”

Ropeworks Hall, the volunteer-run venue where the band played their first full-length set to about 30 people, has already asked them back for a benefit gig in the new year. They said yes before the question was finished.

_Flood Tables_ is released on Friday. Listen and find tour dates at [the band’s page](https://example.org/netlofts).

[[read-more: a-ledger-of-small-tides-review]]`,
  },
  {
    slug: 'a-ledger-of-small-tides-review',
    headline: 'A Ledger of Small Tides review: Hester Valcourt’s harbour novel is a quiet triumph',
    standfirst:
      'The Calder Bay writer’s third novel follows a ferry clerk through one long winter of the 1950s. It is slow, exact and very hard to put down.',
    section: 'culture',
    kind: 'review',
    authors: ['priya-lindqvist'],
    tags: ['books'],
    image: 'ferry',
    hoursAgo: 252,
    body: `Nothing much happens in the first fifty pages of Hester Valcourt’s new novel, and that is entirely the point. Edith Marr, a clerk in the ticket office of the cross-bay ferry, records the passengers, the weather and the takings in a ledger, day after day, through the winter of 1953. She is 34, unmarried, and lives with her mother in two rooms above a bakery on Tanner’s Row. Her ledger is meticulous. Her life, she tells us early on, is “balanced, if not exactly in credit”.

_A Ledger of Small Tides_ (Quayside Press, 312 pages) is Valcourt’s third novel and by some distance her best. Readers who know Calder Bay will recognise the geography at once: the north pier, the Saltgate steps, the old customs house long before it became a recording studio. But the book is not an exercise in nostalgia. It is about what a person notices when nobody notices them.

## The ledger and the stranger

The plot, when it arrives, turns on a man who buys a return ticket every morning and never uses the return half. Edith begins to note him in the margin of her ledger, then to speculate about him, then to follow him. I will say no more, except that Valcourt resists every cheap twist available to her, and the eventual explanation is sadder and more ordinary than anything Edith has imagined.

Valcourt has a gift for the physical detail of work. The chapters are punctuated by ledger entries (date, weather, passengers, receipts), and the way these change as the winter deepens is quietly devastating. A single line recording a crossing cancelled for fog carries more weight than some novels manage in a chapter.

## Where it falters

It is not flawless. A subplot involving Edith’s mother and a lodger feels as if it belongs to a different, broader book, and the last twenty pages hurry towards a resolution that the rest of the novel has earned the right to leave open. Some readers will find the pace too slow. I found it hypnotic, but I can see why others might not.

## A local voice

Valcourt, 58, taught English at a secondary school in the city for twenty years before publishing her first novel at 49. In a short afterword she thanks the city archive for access to the ferry company’s records from the period, and the harbour office for “answering a great many strange questions about fog”.

> “I wanted to write about the sort of person history doesn’t bother with,” she told an audience at the central library on Tuesday evening. “Every town has thousands of Ediths. Most of them kept very good records.”

The cover deserves a mention too. It is a two-colour linocut of a ferry in fog by the Calder Bay printmaker Ana Corvell, one of the loveliest book jackets I have seen this year, and it catches the mood of the novel exactly.

This is a book to read slowly: ideally on a ferry, ideally in winter, ideally with the window seat.

[[read-more: ana-corvell-printmaker-interview]]`,
  },
  {
    slug: 'ana-corvell-printmaker-interview',
    headline: 'Ana Corvell: ‘I want people to smell the harbour when they look at my work’',
    standfirst:
      'The printmaker behind this season’s most admired book cover and the Lantern Theatre’s new set talks about ink, salvaged timber and working above the east quay.',
    section: 'culture',
    kind: 'interview',
    authors: ['priya-lindqvist'],
    tags: ['books', 'theatre'],
    image: 'skyline',
    hoursAgo: 118,
    body: `Ana Corvell’s studio is on the first floor of a former net loft on the east quay, and when the wind is in the wrong direction the whole building hums. She has worked here for eleven years, surrounded by plan chests, a cast-iron press she bought from a closing print works in Fennick, and several hundred carving tools, most of which she says she never uses.

“I have three favourites,” she said, holding up a small gouge with a handle worn pale. “This one was my grandfather’s. He carved decoy ducks. The rest I keep in case I ever become a better artist.”

Corvell, 44, is having a busy year. Her linocut for the cover of Hester Valcourt’s novel _A Ledger of Small Tides_ has been widely admired; she has designed the set for _The Pellow Inheritance_, which opens at the Lantern Theatre this week; and she is making something for the Lantern Festival that she is not yet allowed to talk about.

## Starting late

She came to printmaking late. After leaving school at 16 she worked for ten years on the fish market, then as a cook on the cross-bay ferries. At 29 she took an evening class in linocut at the university’s adult education centre, “because a friend wanted company”, and has been carving ever since.

> “I think all those years working with my hands helped. Cutting lino isn’t that different from filleting. You need a sharp blade and patience, and you need to know where you’re going before you start.”

Her prints are almost all of Calder Bay: the cranes of the container port, the ferries, washing lines strung across the terraces of Northquay, the Outer Shoals wind farm on a clear day. They are bold and graphic, usually in two or three colours, and she sells most of them to people who live here.

“Visitors buy the lighthouse,” she said. “Locals buy the bus stop outside the chip shop. I know which I prefer.”

## From paper to stage

The theatre commission was a new kind of challenge. The director, Marcus Ilesworth, asked her to design the chandlery in which the whole play takes place after seeing one of her prints of a shop interior hanging in a café on Gull Street.

“I’d never built anything bigger than a press bed,” she said. “I said yes before I could think about it, then spent a month panicking.” The set was built in the Lantern’s workshop by a team of five, using timber salvaged from a boatyard that closed last year.

She is particularly proud of one effect in the first act, which she refuses to describe. “Come and see it. It moves. That’s all I’ll say.”

## What comes next

Corvell wants to teach more. She already runs two free workshops a month for children at the Saltgate library, and she is trying to raise money for a community print studio in one of the empty units on the east quay.

“Every child should get to pull a print at least once,” she said. “You lift the paper and there’s your picture, backwards, and it’s the best feeling in the world. I want that to be normal here, not something you stumble on at 29.”

Her next series, _Working Harbour_, will be shown at the university gallery in the spring. More of her work can be seen at [her studio page](https://example.org/ana-corvell).

[[read-more: a-ledger-of-small-tides-review]]`,
  },

  // ── Opinion ──────────────────────────────────────────────────────────────
  {
    slug: 'column-mariners-season-ticket-rise',
    headline: 'The Mariners have bought a winger. Now they should look after the people paying for him',
    standfirst:
      'A 9 per cent rise in season-ticket prices, announced the day after a record signing inspired a famous win, sends exactly the wrong message to supporters.',
    section: 'opinion',
    kind: 'opinion',
    authors: ['samuel-achterberg'],
    tags: ['mariners'],
    image: 'stadium',
    hoursAgo: 10,
    body: `I was in the Quay End at Brackwater Park on Saturday when Teodor Vask’s cross landed on Callum Dray’s head in the 88th minute. I have been going to that ground for nearly forty years, and I can count on one hand the afternoons when it has made that kind of noise. For a few minutes strangers hugged. A man behind me, who must have been in his eighties, wept openly.

The following day the club announced that season tickets for next season will cost 9 per cent more.

## A familiar pattern

The club’s statement said the increase was needed to “support the ambitions of the squad”, which is a polite way of saying that supporters will be paying for the Vask signing. The cheapest adult season ticket in the Quay End will now cost more than at any point in the club’s history, and the discount for under-18s has been cut from half price to a third off.

I do not doubt that the money has to come from somewhere. The chairman, Douglas Fairlie, has been candid that the board “stretched itself” to bring Vask home, and I am glad it did. For years we watched our best young players sold on the week they became worth watching. Buying one back, a boy from Tanner’s Row who once stood on the same terrace as the rest of us, is the kind of thing that reminds you why you care.

But the timing is clumsy, and the detail is worse.

## Who pays

The people hit hardest are not the ones who can shrug it off. They are families buying three or four tickets, pensioners who have sat in the same seat for decades, and the teenagers who are the club’s future crowd. Cutting the under-18 discount is a particular mistake. A club that has just spent a record fee on a player who learned the game at a volunteer-run junior club on the Rope Walk should understand better than most where loyalty comes from.

The Mariners are not a wealthy club, and nobody is asking them to pretend otherwise. I am asking for three modest things:

- restore the under-18 discount in full, and pay for it with a larger rise on hospitality packages rather than on the terraces;
- offer monthly instalments without the 5 per cent administration charge that currently applies;
- publish, as several clubs of this size already do, a simple breakdown of where matchday income goes.

## Trust is the real currency

None of this would cost much. What it would buy is goodwill, which the club has spent carelessly in the past. Crowds at Brackwater Park have crept up for three seasons, to 9,412 on Saturday, because the football has improved and because supporters have started to believe the board is on their side.

A promotion push needs a full ground on a wet Tuesday in February, not just on a sunny Saturday with a new signing to admire. That crowd does not appear by accident. It is built, season by season, by people who feel the club belongs to them.

Mr Fairlie has shown this month that he can take a risk for the supporters. He should take another, smaller one, and listen to them.

[[read-more: mariners-late-winner-fennick-rovers]]

[[read-more: mariners-sign-teodor-vask-club-record]]`,
  },
  {
    slug: 'column-volunteers-buried-in-forms',
    headline: 'Calder Bay runs on volunteers. The council is burying them in forms',
    standfirst:
      'A 23-page “community use agreement” is the latest burden on the people who keep the city’s clubs, halls and events going. It should be torn up and rewritten.',
    section: 'opinion',
    kind: 'opinion',
    authors: ['samuel-achterberg'],
    tags: ['city-council'],
    image: 'council',
    hoursAgo: 140,
    body: `Try counting the volunteers in this city on any given weekend and you will run out of fingers very quickly. There are the coaches on the Rope Walk recreation ground at eight on a Saturday morning, the people pulling pints and sweeping floors at Ropeworks Hall, the safety boat crews getting ready for the Harbour Regatta, the readers at the library’s story hour, the drivers who take older neighbours to hospital appointments. Nobody pays them. Most of them are never thanked.

Last spring the city council decided to give them homework.

## Twenty-three pages

The council’s new “community use agreement”, which any group hiring a council pitch, hall or public space must now complete every season, runs to 23 pages. I have read it twice. It asks for a risk assessment, a food hygiene plan, a noise management statement, a named “responsible officer” and a deputy, proof of insurance, a waste management plan and an estimate of the activity’s carbon footprint. It must be renewed each season even when nothing has changed.

Some of this is reasonable. Groups working with children must have proper safeguarding in place, and the council is right to insist on it. But a junior football club does not need a noise management statement, and a book group does not need a waste plan. One club secretary told me she had spent four evenings on the form, and that half of the questions were about catering. Her club’s catering consists of a kettle.

The council says the agreement was introduced after an internal audit found inconsistent record-keeping across its facilities. That is a problem inside the council. It has been solved by exporting it to people who already give up their evenings for nothing.

## The cost of friction

Every hour a volunteer spends on a form is an hour not spent coaching, organising or simply turning up. Groups across the city say they are struggling to recruit, and to keep, the secretaries and treasurers who handle the paperwork. The regatta committee now has to ring round in June to find enough safety boat crews. Ropeworks Hall, which hosts more than 200 events a year and where the Netlofts have just sold out their album launch, depends on a rota of 40 people; its chair told me two of them have quit over admin in the past year alone.

## What the council should do

The fix is not complicated:

- a short core form, no more than two pages, for every group;
- extra sections only where they genuinely apply, such as safeguarding for work with children, or food hygiene for groups that actually serve food;
- automatic renewal when nothing has changed;
- a named council officer who will help groups complete it, rather than a shared inbox.

Councillors like to praise volunteers in speeches, especially in election years. The most useful thing they could do for them is far less glamorous. Take a red pen to the form, and trust the people who keep this city running.

[[read-more: netlofts-flood-tables-debut-album]]`,
  },
  {
    slug: 'column-lantern-pay-what-you-can-tuesdays',
    headline: 'In praise of the cheap seats: the Lantern’s pay-what-you-can Tuesdays must survive',
    standfirst:
      'The regional arts funding review threatens the one scheme that fills the theatre with people who would never otherwise go. Losing it would cost far more than it saves.',
    section: 'opinion',
    kind: 'opinion',
    authors: ['priya-lindqvist'],
    tags: ['theatre'],
    image: 'theatre',
    hoursAgo: 34,
    body: `I saw _The Pellow Inheritance_ twice last week. The first time was at a preview on Tuesday, under the Lantern Theatre’s pay-what-you-can scheme. The second was on Thursday’s opening night, for my review. It was the same play, with the same cast and the same remarkable storm. It was not the same audience.

On opening night the stalls were full of the people you would expect: critics, councillors, the theatre’s board, friends of the cast. On Tuesday the house looked like the city. There was a group of teenagers from a school in Northquay who had clearly been marched there by a teacher and who, by the end of the storm scene, had stopped looking at their phones. There were two fishermen in their work jackets. There was a woman beside me who said at the interval that it was her first time in a theatre since she left school, and that she had paid what she could afford, which, she added with some dignity, was not much.

## What the scheme does

The Lantern introduced pay-what-you-can Tuesdays six years ago. Every seat on a Tuesday is sold for whatever the buyer chooses to pay, from nothing upwards, first come, first served. The theatre says that about 40 per cent of its Tuesday audience are booking for the first time, compared with 8 per cent on other nights, and that a quarter of those first-timers come back at full price within a year.

Those are remarkable figures. Arts organisations spend large sums on what they call audience development and have far less to show for it.

## The threat

The Eastmarch regional assembly is reviewing its arts funding, and the Lantern has been warned that its grant could fall by as much as 12 per cent. The theatre’s director, Oksana Bell, has said publicly that if the cut goes ahead “everything will be on the table”. It is no secret that the Tuesday scheme, which loses money on most nights, is the obvious candidate.

I understand the arithmetic. I do not accept the conclusion.

The case for public money in the arts rests on the idea that culture is for everyone, not only for those who can pay for it. The Tuesday scheme is that idea in its purest form. Cut it, and the Lantern becomes a slightly cheaper version of any commercial theatre: good work, for people who already go.

## What I would ask

So here is my plea, in three parts.

- To the assembly: protect funding for schemes that can show they reach new audiences, and ask every venue you fund to report on exactly that.
- To the Lantern: if cuts must come, make them anywhere but Tuesday.
- To readers: go. Go on a Tuesday and pay what you can. If you can pay a little more, do, because someone two seats along may be paying nothing.

The Netlofts learned their trade in rooms where the entry fee was whatever you dropped in a bucket by the door. That is how a city grows its own audiences, and in time its own artists.

[[read-more: pellow-inheritance-lantern-theatre-review]]

[[read-more: netlofts-flood-tables-debut-album]]`,
  },
  {
    slug: 'editorial-harbour-bridge-no-plan-b',
    headline: 'The Harbour Bridge closure has exposed a city with no plan B',
    standfirst:
      'Calder Bay has leaned on a single crossing for sixty years and treated its ferries as an afterthought. Whatever the engineers find, that has to change.',
    section: 'opinion',
    kind: 'opinion',
    authors: ['news-desk'],
    tags: ['harbour-bridge', 'transport', 'city-council'],
    image: 'bridge',
    hoursAgo: 12,
    body: `Every city has a piece of infrastructure it takes for granted until the day it stops working. For Calder Bay, that is the Harbour Bridge. For six decades it has carried most of the traffic between the north and south shores: commuters, buses, delivery lorries, ambulances, children on their way to school. Its emergency closure has shown, painfully, how little thought has gone into what happens when it cannot.

We do not yet know how long the bridge will stay shut, and this newspaper will not speculate about its condition ahead of the engineers’ findings. Safety must come first, and the council was right to close the crossing as soon as it had concerns. But the chaos that followed was not inevitable. It was the result of choices made, and not made, over many years.

## One crossing is not a network

The bridge was built when the city was half its present size. Since then Calder Bay has spread along both shores, and the council has approved thousands of new homes on the unspoken assumption that the bridge would always be there. Successive transport plans have talked about “resilience” without paying for any.

The cross-bay ferry is the obvious alternative, and it has been starved for years. Its timetable has barely changed in a generation, the last sailing leaves at 8pm, and two of its four boats are older than many of their passengers. On a normal day that is an inconvenience. On a day when the bridge closes, it is a bottleneck that leaves people queuing on the north pier for an hour.

The coastal railway through Fennick could carry far more people between the two shores, but it runs half-hourly at best and has no spare trains to add.

## What the city should do now

Whatever happens to the bridge, the council and the Eastmarch regional assembly should commit to four things:

- Run the cross-bay ferry every 15 minutes until midnight for as long as the bridge is closed, and keep a higher frequency permanently afterwards.
- Publish every inspection report on the bridge from the past ten years, in full, so residents can judge for themselves how the city reached this point.
- Agree with the rail operator an emergency timetable that can be introduced within 48 hours of any future closure.
- Produce, within six months, a proper contingency plan for the loss of the crossing, tested with the emergency services and published.

None of this is exotic. Most of it is what residents assumed already existed.

## Leadership, not reassurance

The people of this city are patient. They will put up with long journeys if they believe the authorities have a grip on the problem and are being straight with them. What they will not forgive is another round of soothing statements followed by nothing at all.

Big public events will be an early test. The Harbour Regatta alone draws 20,000 people to the waterfront. If the city cannot move a crowd like that around its own harbour on a sunny Sunday, it should not be surprised when residents conclude that it cannot manage a crisis either.

The bridge will reopen eventually. The question is whether Calder Bay will have learned anything by the time it does.

[[read-more: harbour-regatta-breakwater-mile]]`,
  },
];
