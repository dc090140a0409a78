from _h import T, F
# ---- sexual ----
T('S','PS-CHILD-CONCERN',"""DSL Brookfield High. Pupil (F, 15) has told her form tutor that her PE teacher, Mr ---, has been messaging her on Instagram late at night and last Friday kissed her and touched her breasts in the equipment store. Pupil says she 'liked him' and it was her choice. Head informed, LADO referral made, teacher sent home. Closed PS-CHILD-CONCERN.""",
 ['22B','73'], ["kissed her and touched her breasts in the equipment store"],
 "Sexual touching of a 15-year-old by an adult teacher is an offence whatever she says about choice = sexual activity with a child under 16 (22B), abuse of a position of trust (73) as the lesser alternative.")
T('S','PS-CONCERN',"""Taxi marshal, Market St rank, 03:20: lone female (Holly) says the man she shared a cab with last week (a friend of a friend) put his fingers inside her knickers and inside her while she was half asleep in the back. She pushed him off at her stop. She's mentioning it now because she's just seen him at the rank. Holly left in a cab before officers arrived; marshal has her first name and phone number. Closed PS-CONCERN.""",
 ['20A'], ["put his fingers inside her knickers and inside her while she was half asleep"],
 "Digital penetration without consent = assault by penetration, classed with sexual assault on a female 13+ (20A); the victim's first-hand account to the marshal is enough.")
T('S','PS-DOMESTIC',"""Officer's update 01:10 (PC 2954): Attended re verbal argument, couple 20s. During DASH the female (Jade) disclosed that last month after a night out he 'forced himself' on her - she said no, he pinned her wrists down and had sex with her. She didn't tell anyone at the time. He denies. Male removed to his mum's for the night. Jade will think about a statement. Closed PS-DOMESTIC.""",
 ['19C'], ["she said no, he pinned her wrists down and had sex with her"],
 "Disclosure of penile intercourse after a refusal, wrists pinned = rape 19C; recorded on her account despite his denial.")
T('S','ASB-PROSTITUTION',"""Residents' complaint of kerb crawling on Warwick Rd. Outreach worker spoke to a female working there (Natalie, 24) who said a punter last night took her to the industrial estate, refused to wear a condom after agreeing to, and when she said no forced her to have sex without one. Natalie does not want police contact but agreed for info to be passed. Closed ASB prostitution.""",
 ['19C'], ["when she said no forced her to have sex without one"],
 "Consent was conditional on a condom and she refused when he would not wear one: intercourse forced on her = rape 19C; her work and reluctance to engage do not change recording.")
T('S','PS-MISSING',"""MISPER Chloe (14) found 06:30 at a flat on Cranmer St with two males aged 19 and 24. Debrief by PC 4471: Chloe said the older one 'had sex' with her in the bedroom and the other one watched, says she was fine with it. Both males arrested. CSE team and Children's Services notified. Closed MISPER - located.""",
 ['22B'], ["Chloe (14)","the older one 'had sex' with her in the bedroom"],
 "Intercourse between a 24-year-old and a 14-year-old girl is an offence whatever she says about being fine with it = sexual activity with a child under 16 (22B).")
T('S','PS-OTHER',"""Gym manager at FitLife reports female member complained that a personal trainer, during a stretching session, rubbed her groin and inner buttocks over her leggings repeatedly, she told him to stop, he said it was part of the 'hip release'. Member shaken, cancelled membership. Trainer suspended. Closed PS-OTHER - advice.""",
 ['20A'], ["rubbed her groin and inner buttocks over her leggings repeatedly, she told him to stop"],
 "Sexual touching continued after she told him to stop = sexual assault on a female 13+ (20A); a pretext of exercise does not make it consensual.")
T('S','ADMIN',"""Online contact form: male (now 38) states that when he was 10, a cub scout leader made him take his clothes off in his tent and touched his penis, approx 1998. He has seen the man is now running a youth football club. He wants police to know. Passed to PPU. Closed ADMIN.""",
 ['17B'], ["when he was 10","touched his penis"],
 "Historic sexual touching of a 10-year-old boy = sexual assault on a male child under 13 (17B), classed by age at the time and recorded on disclosure.")
T('S','ASB-COMMS',"""RP (f, 29) received an AirDrop of a photo of a man's erect penis while on the 08:12 train into the city. She could see a man further down the carriage grinning at her. She got off at the next stop. Did not accept the file but the preview showed. Closed ASB comms.""",
 ['88E'], ["AirDrop of a photo of a man's erect penis","a man further down the carriage grinning at her"],
 "Sending an unsolicited image of genitals to cause alarm (cyber-flashing) = exposure class 88E.")
T('S','PS-CHILD-CONCERN',"""Mum of Ellie (12) phoned: found messages on Ellie's iPad from a 17 year old lad from the estate who persuaded her to send a naked photo of herself. Mum says he's since shown it to other boys at the bus stop. Ellie very upset. Closed PS-CHILD-CONCERN - advice to parent.""",
 ['86'], ["persuaded her to send a naked photo of herself","shown it to other boys"],
 "Obtaining and showing an indecent image of a 12-year-old = indecent images offence (86) with a child victim reported by a parent (inciting the child 21 could also be argued).")
T('S','PS-MENTAL-HEALTH',"""s136 detention 16:00, female (Maria, 31) on the bridge parapet. At the place of safety she told PC 1198 that her stepfather raped her repeatedly from when she was 8 until she was 14, and that she has been 'thinking about it all the time' since he got out of prison. MH team aware. Closed PS-MENTAL-HEALTH.""",
 ['19E'], ["her stepfather raped her repeatedly from when she was 8"],
 "A disclosure of rape beginning when she was 8 = rape of a female child under 13 (19E), recorded on disclosure whatever her mental state.")
T('S','PS-SUSPICIOUS',"""Security at Meadowhall reports male following women up the escalators and holding his phone low under their skirts. Detained by security, phone shows several videos filmed up skirts. Officers attended 15:30. Closed suspicious circs.""",
 ['88E'], ["holding his phone low under their skirts","several videos filmed up skirts"],
 "Upskirting captured on his phone = voyeurism (88E).")
T('S','ASB-NEIGHBOURS',"""RP, male, 34, mild learning disability, supported living. His support worker called on his behalf: the man who lives upstairs has been coming into his flat and making him touch his penis, telling him 'this is what friends do'. Last time was Sunday. RP distressed and says he doesn't like it. Closed ASB neighbours - referral to adult social care.""",
 ['70','17A'], ["making him touch his penis","RP distressed and says he doesn't like it"],
 "Causing a man with a learning disability to touch his penis, which he does not want = sexual activity with a person with a mental disorder (70), alternative sexual assault 17A; a carer's report on a vulnerable adult is recorded.")
# ---- violence ----
T('V','ASB-ROWDY',"""Group fighting at the bus station. 17:45 PCSO 6102 on scene. One lad (16) kicked another lad (15) in the face while he was on the floor, victim has a chipped tooth and swollen lip. All ran when police arrived except victim, who gave name but said 'leave it'. Closed ASB rowdy - dispersal.""",
 ['8N'], ["kicked another lad (15) in the face while he was on the floor","chipped tooth and swollen lip"],
 "A kick to the face of a 15-year-old, with a chipped tooth, seen by the PCSO = assault with injury 8N.")
T('V','PS-DOMESTIC',"""Female (Rachel) called from the Co-op on Heath Rd. Partner threw her phone at her and it hit her on the forehead, she has a lump. Also said he has been checking her bank app and tells her what she can wear, but she 'doesn't want to get him in trouble'. 14:20 officers with her, lump to forehead photographed. Closed PS-DOMESTIC.""",
 ['8N','8U'], ["threw her phone at her and it hit her on the forehead","she has a lump"],
 "A phone thrown causing a lump = assault with injury 8N; the checking and dress rules point to controlling behaviour (8U) as a further offence to explore.")
T('V','PS-CONCERN',"""Concern for RP's friend - friend (Ola) told RP by phone her husband has been hitting her for years and last night he punched her in the ribs so hard she can't breathe properly. Ola's English limited. 18:40 PC 3330 and interpreter attended, Ola confirmed through interpreter, bruising to left ribs, taken to A&E. Closed concern for welfare.""",
 ['8N'], ["he punched her in the ribs so hard she can't breathe properly","bruising to left ribs"],
 "The victim confirmed through an interpreter a punch causing bruising = assault with injury 8N (longer history to be explored as 8U).")
T('V','ASB-QUAL-PERSONAL',"""Male (Pawel) reports two men outside the Polish shop on Regent St shouted 'go home you Polish scum' at him and one shoved him hard into the shop window. No injury. RP says he was scared they'd hit him. Closed ASB personal - hate incident.""",
 ['105B','9B'], ["shouted 'go home you Polish scum' at him","one shoved him hard into the shop window"],
 "A shove accompanied by racial hostility based on nationality = racially aggravated common assault 105B, the abuse (9B) as the lesser offence.")
T('V','PS-SUSPICIOUS',"""02:30 RP reports man repeatedly ringing her doorbell and shouting her name. Believed her ex (Darren) who she has a non-molestation order against. Left before arrival. RP says he has been outside her house 4 times this week, once followed her to Asda and sat in his car watching her. Closed suspicious circs.""",
 ['8Q','8L'], ["he has been outside her house 4 times this week","followed her to Asda and sat in his car watching her"],
 "Repeated attendance at her home, following and watching = stalking 8Q (harassment 8L alternative); breach of the non-molestation order is part of the conduct.")
T('V','PS-CIVIL',"""Two lads arguing over a car sale on Oak Rd, buyer says the car's broken down. 16:10 PCSO attended: seller says buyer grabbed him by the collar and punched him in the mouth. Seller has a cut lip, bleeding. Buyer says he was provoked. Sale dispute civil. Closed PS-CIVIL.""",
 ['8N'], ["punched him in the mouth","Seller has a cut lip, bleeding"],
 "The sale is civil, but a punch causing a cut lip = assault with injury 8N; provocation goes to outcome.")
T('O','PS-DOMESTIC',"""19:10 RP (elderly female) states her adult grandson came round demanding money and when she said no he pushed her over in the hall. She has a graze on her elbow and is very upset. He took £40 from her purse on the side and left. UPDATE officers attended 19:50, graze seen. Closed PS-DOMESTIC.""",
 ['34B'], ["when she said no he pushed her over in the hall","He took £40 from her purse"],
 "Force used on her when refusing money and cash then taken = robbery 34B (the graze is part of the robbery, principal over 8N).")
T('V','PS-CONCERN',"""RP rang worried about sister (Gemma) - Gemma sent her a photo of her neck with finger marks on it and the message 'he strangled me again last night I thought I was going to die'. RP can't reach Gemma. 23:00 officers attended Gemma's address, she confirmed, partner not present, marks on neck seen. Closed concern for welfare - safeguarding.""",
 ['8N'], ["he strangled me again last night I thought I was going to die","marks on neck seen"],
 "Strangulation confirmed by the victim, with marks = violence with injury (8N); the 'again' suggests earlier incidents to explore.")
T('V','PS-LOST-FOUND',"""RP reports losing his phone in town. While on the call mentions he was in a fight last night at the Bulls Head where a bloke 'cracked me with a bottle' on the back of the head, he had stitches at A&E. He doesn't know who it was. Closed lost property.""",
 ['8N'], ["'cracked me with a bottle' on the back of the head","he had stitches at A&E"],
 "Struck with a bottle needing stitches = assault with injury 8N on the victim's own account; an unknown suspect is no bar.")
T('V','ASB-NEIGHBOURS',"""RP (no.5) states neighbour (no.7) threw a brick over the fence which hit RP's 9 yr old son on the shoulder, son has bruise. Dispute over a fence panel. Neighbour says he was throwing it at a cat. Closed ASB neighbours - words of advice.""",
 ['8N'], ["threw a brick over the fence which hit RP's 9 yr old son on the shoulder","son has bruise"],
 "A brick thrown over a fence causing a bruise to a child = assault with injury 8N (recklessness suffices; 'at a cat' is no answer).")
T('V','PS-OTHER',"""Call from A&E charge nurse: patient (m, 50s) in cubicle 4, drunk, punched a nurse in the face when she tried to take his bloods, nurse has swelling to her cheekbone. Security holding him. 01:20 PC 2260 attended. Closed PS-OTHER.""",
 ['8N'], ["punched a nurse in the face","swelling to her cheekbone"],
 "Punch causing swelling to a nurse = assault with injury 8N (emergency worker; not a constable class).")
T('V','ASB-ROWDY',"""Football crowd leaving the ground. 17:05 PC 1034 (serial 3) reports he was punched in the back of the head by a male in a black North Face coat while separating two groups, male detained. No injury to PC. Closed ASB rowdy.""",
 ['104'], ["punched in the back of the head by a male in a black North Face coat"],
 "A punch to a constable on duty with no injury = assault without injury on a constable 104.")
T('V','ASB-COMMS',"""RP (Jenny) reports her ex's new girlfriend has posted on Facebook 'if I see that slag I'll smash her face in' and tagged RP. RP is frightened and has stopped going to the gym in case she's there. Single post. Closed ASB comms.""",
 ['8R'], ["if I see that slag I'll smash her face in","RP is frightened"],
 "A single threatening post aimed at the victim causing fear = malicious communications 8R (one message: not harassment).")
T('V','PS-DOMESTIC',"""Neighbour reports male shouting at female in the garden of 3 Brook St, female crying. 22:30 PC 1740 attended. Female (Lauren) states boyfriend dragged her outside by her hair and slapped her, she has a red handprint on her face. Boyfriend arrested. Closed PS-DOMESTIC.""",
 ['8N'], ["dragged her outside by her hair and slapped her","red handprint on her face"],
 "Dragging by the hair and a slap leaving a visible mark = assault with injury 8N.")
# ---- other ----
T('O','PS-ALARM',"""Monitored alarm, Greenway Pharmacy. 03:12 units on scene: front glass door smashed with a brick, brick inside the shop, nothing appears taken per keyholder but shelves disturbed behind counter. Closed PS-ALARM.""",
 ['30C'], ["front glass door smashed with a brick","shelves disturbed behind counter"],
 "Smashing into a pharmacy and disturbing shelves shows entry as a trespasser with intent to steal = burglary business 30C even if nothing was taken.")
T('O','PS-SUSPICIOUS',"""Resident reports man in a hi-vis jacket going door to door claiming to be from the water board, saying he needs to check the taps. Said he went into 12 Rose Lane (elderly lady) while his mate kept her talking in the kitchen. 16:30 PCSO with the lady: her handbag with £300 missing from the bedroom. Closed suspicious circs.""",
 ['28G'], ["claiming to be from the water board","her handbag with £300 missing from the bedroom"],
 "Gaining entry by a false pretext and stealing from inside = distraction burglary 28G.")
T('O','ASB-ROWDY',"""Youths throwing stones at passing buses on Princess Way. First Bus report window of bus 3321 cracked at 19:55. No injuries. Youths made off. Closed ASB rowdy.""",
 ['58C'], ["window of bus 3321 cracked"],
 "Stones thrown deliberately at buses cracking a window = criminal damage to a vehicle 58C.")
T('O','PS-CIVIL',"""RP is a sole trader, says a customer paid for a £900 cooker via bank transfer, then the payment 'bounced' - bank says the transfer screenshot was fake and no money arrived. Customer collected the cooker and has blocked him. Closed PS-CIVIL.""",
 ['53D'], ["the transfer screenshot was fake and no money arrived"],
 "Goods obtained with a fake payment screenshot = fraud by false representation 53D (for Action Fraud), not a civil debt.")
T('O','TR-ROAD-RELATED',"""Shell garage, Ashby Rd: silver Astra filled up £74.60 of diesel at pump 6 at 13:02 and drove off without paying, cashier tried to stop them at the window. Plates on forecourt CCTV come back to a Nissan Micra - cloned. Closed road-related - drive off.""",
 ['49A'], ["filled up £74.60 of diesel at pump 6 at 13:02 and drove off without paying"],
 "Driving off without paying for fuel, with cloned plates showing dishonesty = making off without payment 49A.")
T('O','PS-LOST-FOUND',"""RP's bike (Specialized Rockhopper) 'lost' from the bike shed at her block of flats. The shed is communal and locked by key fob, fob panel damaged. Several residents' bikes missing. Closed lost property.""",
 ['44'], ["fob panel damaged","Several residents' bikes missing"],
 "Bikes taken from a communal store with a damaged entry panel = theft of pedal cycles 44 (a communal bike store is not within a single dwelling).")
T('O','ASB-STREET-DRINKING',"""Street drinker (well known) went into Boots, took 6 meal deals into a bag and walked out, security chased but lost him, CCTV retained.""",
 ['46'], ["took 6 meal deals into a bag and walked out"],
 "Taking goods from a shop without paying = shoplifting 46.")
T('O','ASB-TRESPASS',"""Farmer reports hare coursers on his land at Low Fen, 4 men with lurchers chasing hares across his crop. Dogs killed 2 hares per farmer. Vehicles left before arrival, VRMs obtained. Closed ASB trespass.""",
 ['96'], ["4 men with lurchers chasing hares","Dogs killed 2 hares"],
 "Hunting hares with dogs = wildlife crime (96).")
T('O','PS-CONCERN',"""Son concerned for mum (85) - found her bank has 6 transfers of £500 to a 'new friend' she met online who says he's a US soldier needing money to come home. Mum insists he loves her. Mum otherwise well. Closed concern for welfare.""",
 ['53D'], ["6 transfers of £500 to a 'new friend'","says he's a US soldier needing money to come home"],
 "Romance fraud by false representation = 53D, to be referred to Action Fraud.")
T('O','ASB-NEIGHBOURS',"""RP (Mr Khan) says his neighbour put a lit firework through his letterbox at 22:00, it went off in the hallway, scorched the carpet and filled the house with smoke. Family of 5 inside, all fine. Closed ASB neighbours - fireworks.""",
 ['56A'], ["put a lit firework through his letterbox","scorched the carpet and filled the house with smoke","Family of 5 inside"],
 "A lit firework through the letterbox of an occupied home, causing scorching = arson reckless as to endangering life 56A.")
T('O','PS-SUSPICIOUS',"""22:50 residents on Mill Rd report 2 males trying car door handles along the street. Units attended, males stopped, one had a Ford's window smashed earlier - owner located, sat nav and sunglasses taken from the car. Closed suspicious circs.""",
 ['45','126'], ["window smashed earlier","sat nav and sunglasses taken from the car","trying car door handles along the street"],
 "Theft from a car after smashing the window = 45 (damage part of it); trying door handles of others = vehicle interference 126 as the lesser offence.")
T('O','PS-DOMESTIC',"""RP (female) reports ex came to collect his things and in a rage kicked in her bedroom door and smashed her TV with his foot. He has left. Closed PS-DOMESTIC.""",
 ['58A'], ["kicked in her bedroom door and smashed her TV with his foot"],
 "Deliberate damage to her home and TV = criminal damage to a dwelling 58A (one crime per owner).")
T('O','ASB-QUAL-PERSONAL',"""Lads on bikes circling RP (m, 15) in the park, one said 'give us your bike or you get shanked' and showed a knife in his waistband. RP handed over his bike, a black Boardman. Mum reporting. Closed ASB personal.""",
 ['34B'], ["'give us your bike or you get shanked'","RP handed over his bike"],
 "A bike taken under a threat of being stabbed = robbery of personal property 34B.")
# ---- negatives ----
F('denial','PS-CONCERN',"""Caller (passer-by) saw a man drag a crying child along by the arm outside Lidl, concerned. 12:40 officers located family nearby: child (5) had a tantrum about a toy, dad holding his wrist to cross the road. Child calm, no marks, mum present, confirms. No concerns. Closed concern for welfare.""",
 "A passer-by's concern explained on attendance: holding a child's wrist to cross, no marks, parents' accounts consistent.")
F('words','ASB-NEIGHBOURS',"""Neighbours shouting at each other over the fence about a hedge. RP says neighbour called her a 'nosy old witch'. No threats. RP annoyed. Closed ASB neighbours.""",
 "An insult in a boundary dispute, no threat and no one alarmed or distressed: not a notifiable offence.")
F('fear','PS-CONCERN',"""RP (f) worried because her new partner's ex-wife 'has a temper' and might turn up at her house. No contact or threats made. Advised 999 if she attends. Closed concern.""",
 "Fear of what might happen; no contact or threat has been made.")
F('recorded','PS-DOMESTIC',"""Further call from Kayleigh re her ex, crime ref 26/30012 (harassment) - states he has sent no further messages since his arrest, just wanted to know the bail conditions. OIC to call. Closed PS-DOMESTIC.""",
 "An update on a recorded harassment crime; no further offence reported.")
F('elsewhere','ADMIN',"""Member of public rang 101 after watching a TV documentary about a murder in Glasgow in the 1990s, says he has a theory about who did it. Details passed to Police Scotland via email. Closed ADMIN.""",
 "A theory about a crime in another jurisdiction already known to police: nothing to record here.")
F('civil','PS-CIVIL',"""Tenant (RP) says landlord is keeping his £950 deposit for 'cleaning' and a stained carpet, RP says the flat was spotless. Landlord has replied by email with photos and an itemised bill. Advised deposit protection scheme dispute service. Closed PS-CIVIL.""",
 "A deposit deduction dispute with a contactable landlord who has given reasons: civil.")
F('state','PS-SUSPICIOUS',"""Report of male dealing from a blue Corsa outside the school gates, lots of short visits. 15:30 officers attended, vehicle gone. Intel log submitted. Closed suspicious circs.""",
 "A sighting of suspected dealing with no one stopped or drugs found: points to prove not made out.")
F('retraction','PS-SUSPICIOUS',"""RP reports her car stolen from outside her house. 09:10 RP rang back - her husband had taken it to work as his was in the garage, he forgot to tell her. Closed suspicious circs.""",
 "The car was taken by her husband with her consent: verifiable innocent explanation.")
F('accident','PS-COLLAPSE',"""Female (70s) tripped on the kerb outside the bakery, head wound bleeding. NWAS attended, witness says she caught her foot on the edge of the kerb, nobody near her. Conveyed. Closed PS-COLLAPSE.""",
 "An accidental fall witnessed with nobody involved: no offence.")
F('mh','PS-MENTAL-HEALTH',"""Male (40) standing on the railway bridge, threatening to jump. Negotiated down by PC 2002 at 15:45. Voluntary attendance at hospital. No one else involved. Closed PS-MENTAL-HEALTH.""",
 "A mental health crisis with threats of self-harm only: no offence.")
F('lawful','PS-CHILD-CONCERN',"""Mum of Jess (16) upset Jess is staying at her boyfriend's (17) and thinks they're sleeping together. Jess says they've been together a year. No concerns re exploitation. Advice given to mum. Closed PS-CHILD-CONCERN.""",
 "Consensual relationship between a 16- and a 17-year-old: lawful.")
F('nonnotifiable','ASB-BEGGING',"""Male sat outside Sainsbury's with a cup asking for change. Not aggressive. PCSO spoke to him, signposted to the Salvation Army. Closed ASB begging.""",
 "Passive begging is not notifiable.")
F('nonnotifiable','ASB-FIREWORKS',"""Fireworks being let off on the field behind Beech Ave at 23:30, dogs distressed. Nobody targeted, nothing damaged. Youths gone on arrival. Closed ASB fireworks.""",
 "Nuisance fireworks with no one targeted and no damage: not a notifiable offence.")
F('civil','PS-CIVIL',"""RP's ex-husband took their shared dog after the split. Both names on the vet records, bought together. Advised civil. Closed PS-CIVIL.""",
 "Jointly owned dog taken by one co-owner under a claim of right: civil.")
F('words','ASB-COMMS',"""RP got a WhatsApp from an unknown number calling her 'ugly' and saying she 'should be ashamed'. One message, no threats. RP blocked it. Closed ASB comms.""",
 "A single message that merely offends, with no threat: not notifiable after the 2023 change.")
F('denial','PS-DOMESTIC',"""Ring doorbell at 14 Ash Grove picked up by neighbour's phone, sounds like a woman shouting 'stop hitting me'. 20:15 officers attended: female (30s) and partner watching a crime drama at full volume, TV scene matched; female alone spoken to, no concerns, no injuries, no DA history. Closed PS-DOMESTIC.""",
 "The sound was the TV, confirmed by the woman alone and by what officers saw; no injuries or history.")
F('recorded','ADMIN',"""Duplicate call - RP rang again about the break-in at Unit 3 already on CAD 0421 and crime 26/51130. Closed ADMIN duplicate.""",
 "Duplicate of an already recorded burglary.")
F('accident','PS-ANIMAL',"""Dog ran out into the road on Hollow Lane and was hit by a car. Driver stopped and reported it. Dog injured, taken to vets by owner. Closed PS-ANIMAL.""",
 "A road accident involving a dog, reported by the driver: no offence.")
F('elsewhere','PS-CONCERN',"""RP's son (23) is in Thailand and rang her saying he'd been mugged in Bangkok and lost his passport. Son is safe, in touch with the British embassy and Thai police. Closed concern for welfare.""",
 "The robbery happened abroad and is reported to the police there; not a crime to record here.")
F('mh','PS-MENTAL-HEALTH',"""Care coordinator concerned for client (m, 33) who has stopped engaging and is not answering. 17:30 officers attended, client in flat, tired but fine, agreed to see CPN tomorrow. Closed PS-MENTAL-HEALTH.""",
 "Welfare check, found safe; nothing criminal disclosed.")
T('V','PS-DOMESTIC',"""Call from 17 y/o (Mason) - stepdad has just thrown him out of the house. Mason says stepdad kicked him in the leg and pushed him down the front steps, he has grazed hands and a sore knee. Staying at a mate's. 21:15 PC 3017 saw Mason at the mate's, grazes to both palms. Stepdad says Mason 'fell'. Closed PS-DOMESTIC.""",
 ['8N'], ["kicked him in the leg and pushed him down the front steps","grazes to both palms"],
 "A kick and push down steps causing grazes = assault with injury 8N on the 17-year-old's own account; the stepdad's 'fell' is not credible evidence to the contrary.")
