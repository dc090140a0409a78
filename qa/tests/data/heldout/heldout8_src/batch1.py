from _h import T, F
# ---- sexual ----
T('S','PS-CONCERN',"""01:52 Call from door staff at Tramshed, Lower Bridge St - female approx 20 sat on kerb outside, very intoxicated, separated from friends. 02:10 PC 3318 / PC 2107 with female (Amber, 20). Whilst waiting for family she told PC 2107 that a male she met at the bar took her into the disabled toilet, she kept saying 'no I want to go back' and he pushed her against the sink and had sex with her anyway. Describes him as tall, beard, white shirt. Mother collected her 02:45. Amber stated she 'just wants to sleep'. Closed PS-CONCERN - taken home by family.""",
 ['19C'], ["she kept saying 'no I want to go back'","pushed her against the sink and had sex with her anyway"],
 "First-hand account of penile intercourse against a stated refusal = rape of a female 16+ (19C); intoxication and her wish to sleep do not defer recording.")
T('S','ASB-ROWDY',"""Bus driver route 7 reports rowdy group upstairs on his bus, got off at Kingsway. Passenger (female, 30s) approached driver after - says one of the lads sat next to her and put his hand on her thigh then moved it up to her crotch, she moved seats. Passenger would not leave details, got off at Moor Lane. Onboard CCTV to be requested. Closed ASB rowdy.""",
 ['20A'], ["put his hand on her thigh then moved it up to her crotch"],
 "The woman's own account to the driver of sexual touching without consent = 20A; her not leaving details does not stop recording.")
T('S','PS-CHILD-CONCERN',"""Referral from school nurse, St Anne's Primary: Year 2 pupil (7, female) told her TA this morning that 'mummy's boyfriend Kev makes me rub his willy when mummy is at bingo'. Child said it has happened 'loads of times'. Children's Services MASH notified, strategy meeting to be convened. Child remains at school for now. Closed PS-CHILD-CONCERN - referred to MASH.""",
 ['21','20B'], ["makes me rub his willy when mummy is at bingo","it has happened 'loads of times'"],
 "A 7-year-old's disclosure of being made to touch an adult's penis = sexual activity with a child under 13 (21); a professional's safeguarding referral about a child is recorded.")
T('S','PS-SUSPICIOUS',"""14:25 RP (female) reports male exposing himself at the bottom of the canal towpath near Lock 4, she was jogging past and he stood up from the bench with his trousers down, holding his penis and staring at her. Desc WM 50s, green fleece, cap. 14:40 unit area search, NTR. Closed suspicious circs.""",
 ['88E'], ["stood up from the bench with his trousers down, holding his penis and staring at her"],
 "Deliberate exposure of genitals intending the victim to see and be alarmed = exposure (88E).")
T('S','PS-MISSING',"""MISPER 14yr old male Kyle, missing overnight from Oakfield children's home. Med risk. 09:10 UPDATE Kyle returned by taxi paid for by unknown person. In return interview with key worker he disclosed he had been at an older man's flat in Harpur St, given vodka and weed, and the man 'did stuff to me' - Kyle said the man sucked his penis and he didn't want him to but was too out of it to stop him. Key worker has informed EDT. Closed MISPER - returned.""",
 ['22A','22B'], ["the man sucked his penis and he didn't want him to"],
 "An adult performing oral sex on a 14-year-old boy who did not want it causes him to engage in penetrative sexual activity without consent (22A), with sexual activity with a child under 16 (22B) as the alternative.")
T('S','ADMIN',"""Front counter enquiry: female (40s) asking how she can get counselling referral. Said she has been 'carrying something' since she was 15 - her uncle had sex with her at his caravan over a summer in 1999, she cried and begged him to stop and he carried on. She never told anyone. She wants to talk to someone before she decides about police involvement. Given SARC and ISVA details. Closed ADMIN - signposted.""",
 ['19D','23'], ["since she was 15 - her uncle had sex with her","she cried and begged him to stop and he carried on"],
 "Historic intercourse with a 15-year-old girl who begged him to stop = rape of a female under 16 (19D), classed by her age at the time and recorded when disclosed; familial offence 23 as the alternative.")
T('S','PS-DOMESTIC',"""23:15 female caller whispering, partner asleep. States that over the last few months he has been having sex with her when she is asleep after she takes her sleeping tablets, she wakes up with him on top of her, she has told him she does not want it. Last time was last night. She doesnt want police to come tonight. Call back arranged for 09:00 with DA team. DASH medium on phone. Closed PS-DOMESTIC.""",
 ['19C'], ["having sex with her when she is asleep","she has told him she does not want it"],
 "Intercourse with a sleeping woman who cannot consent (and has said she does not want it) = rape 19C; her not wanting attendance tonight is no reason to leave it unrecorded.")
T('S','ASB-COMMS',"""RP (mother) reports her daughter (13) has been messaging a user called 'jake_2k' on Snapchat who said he was 15. RP checked the phone tonight: he has been asking her daughter to send pictures 'with no top on' and telling her what he wants to do to her sexually, daughter has not sent any. Profile pic appears to be an adult male. Phone kept by RP, advised not to delete anything. Closed ASB comms - advice re online safety.""",
 ['88A'], ["asking her daughter to send pictures 'with no top on'","telling her what he wants to do to her sexually"],
 "Sexual communication aimed at a 13-year-old (requests for topless images, sexual talk) is a grooming-type offence against a child = 88A; reported by a parent about a child victim.")
T('S','PS-CONCERN',"""Concern for welfare call from Sunnymede care home, manager reports resident (female, 78, advanced dementia) found in distress in her room, night carer (male, agency) seen by a colleague leaving the room adjusting his trousers. Resident's nightdress pulled up and underwear on the floor. Carer has since left the building. Resident unable to give account. 03:40 officers on scene, room preserved. Closed PS-CONCERN - CID informed.""",
 ['70','20A'], ["leaving the room adjusting his trousers","nightdress pulled up and underwear on the floor"],
 "A care worker's sexual activity with a resident lacking capacity, shown by a colleague's sighting and the scene, meets the NCRS test for a vulnerable adult who cannot give an account (70, alternative 20A).")
T('S','ASB-QUAL-PERSONAL',"""RP Ms Chowdhury, 19, c/o male who works at the chippy on Dale St. For the past few weeks when she picks up food he comments on her body. Tonight he reached across the counter and squeezed her breast and laughed, said 'only joking'. RP shaken, her brother wants to 'sort it'. Advised brother not to attend the shop. Closed ASB personal.""",
 ['20A'], ["reached across the counter and squeezed her breast"],
 "Intentional sexual touching without consent = sexual assault on a female 13+ (20A); 'only joking' is no defence.")
T('S','PS-CIVIL',"""RP states his ex-girlfriend has kept his games console and won't return it. Advised civil. During the call RP says the reason they split is because at a party in March she had sex with him when he was passed out drunk, he woke up to find her on top of him and had not agreed to anything. He's 'not bothered' about that now. Closed PS-CIVIL.""",
 ['22A'], ["she had sex with him when he was passed out drunk","had not agreed to anything"],
 "A woman causing an unconscious man to engage in penetrative sexual activity without consent = causing sexual activity without consent (22A); the console is civil.")
T('S','PS-OTHER',"""Leisure centre duty manager, Riverside Pools: female patron reports a male in the changing village was holding his phone over the top of the cubicle partition while she was getting changed. She saw the phone camera pointing down at her. Male left before staff could stop him, CCTV of the corridor available. Closed PS-OTHER - advice to venue.""",
 ['88E'], ["holding his phone over the top of the cubicle partition while she was getting changed"],
 "Recording (or attempting to observe) a person undressing for sexual gratification = voyeurism (88E).")
# ---- violence ----
T('V','PS-DOMESTIC',"""22:40 RP Donna states partner Craig came home drunk, they argued over his betting, he headbutted her in the kitchen. Bleeding from the nose. Craig has left in a taxi. 22:58 PC 1402 PC 1677 on scene, nose swollen and bloodied, paramedics not required. RP doesnt want to make a statement, says she will 'deal with him'. DASH std. Closed PS-DOMESTIC - victim declines.""",
 ['8N'], ["he headbutted her in the kitchen","nose swollen and bloodied"],
 "Headbutt causing a bloodied, swollen nose = assault with injury 8N; declining a statement is not evidence against the crime.")
T('V','ASB-NEIGHBOURS',"""Ongoing dispute between 12 and 14 Clover Close re bins. RP (no.12, Mrs Hales, 71) says neighbour's son came out while she was putting her bin out and shoved her backwards into her hedge. No injury, but she is frightened to go outside now. UPDATE PCSO 5531 spoke to son, he says he 'moved her out of the way'. Closed ASB neighbours - words of advice.""",
 ['105A'], ["shoved her backwards into her hedge"],
 "Shoving an elderly woman is a battery = common assault 105A; 'moved her out of the way' confirms force was used and is not a defence.")
T('V','PS-MENTAL-HEALTH',"""MH crisis call. 19:05 RP (dad) says son (22) is off his meds and kicking off. Son grabbed dad by the throat against the fridge, dad has red marks to neck. Son now in his room. 19:30 officers & AMHP attended, s136 not needed, son agreed to informal admission. Closed PS-MENTAL-HEALTH.""",
 ['8N'], ["grabbed dad by the throat against the fridge","red marks to neck"],
 "Grabbing by the throat leaving marks = assault with injury (8N, strangulation recorded as violence with injury); the son's mental state goes to outcome, not recording.")
T('V','TR-ROAD-RELATED',"""RP cyclist reports a car close-passed him on the A47 then stopped ahead. Driver got out and said 'you'll be under my wheels next time'. Then driver punched him on the helmet and pushed him off his bike. RP has grazed knee and elbow from hitting the road. VRM given: YX19 KLT. Closed road-related - advised dashcam submission.""",
 ['8N'], ["punched him on the helmet and pushed him off his bike","grazed knee and elbow"],
 "A punch and push causing grazes = assault with injury 8N, separate from the driving complaint.")
T('V','ASB-COMMS',"""RP reports ex partner (Liam) has sent her over 60 texts and voice notes since Saturday, turned up at her work twice and has been sitting in his car across from her house at night. She has asked him to stop. She says she is scared and has changed her route to work. Closed ASB comms - advice.""",
 ['8Q','8L'], ["over 60 texts and voice notes since Saturday","turned up at her work twice","sitting in his car across from her house at night"],
 "Repeated unwanted contact, turning up at work and watching her home causing fear = a fixated course of conduct, stalking 8Q (8L alternative).")
T('V','ASB-NEIGHBOURS',"""13:20 RP Mr Dunn says lad from flat 6 threatened him on the stairwell: 'I swear down I'll stab you and kill you if you grass on me again'. Lad had his hand in his pocket like he had something. RP lives alone, says he believes it and has not left the flat since. Closed ASB neighbours - PCSO to visit.""",
 ['3B'], ["I'll stab you and kill you if you grass on me again","says he believes it"],
 "A conditional threat to kill, believed by the victim = 3B.")
T('V','PS-CHILD-CONCERN',"""Health visitor concern: baby (4 months) seen at clinic with bruising to both ears and a bruise on the cheek, mum unable to explain, said 'he must have done it himself'. Paediatrician has confirmed non-accidental bruising pattern. Child admitted to ward. Social care aware. Closed PS-CHILD-CONCERN.""",
 ['8N'], ["bruising to both ears and a bruise on the cheek","confirmed non-accidental bruising pattern"],
 "Non-accidental bruising to a non-mobile infant, per the paediatrician = assault with injury 8N on a child victim reported by a professional (cruelty 11A only if wilful ill-treatment by a carer is later shown).")
T('V','PS-DOMESTIC',"""Call from Women's Aid worker on behalf of client (Sara, 34). Sara has been staying at refuge since Mon. Disclosed that husband controls all money, takes her bank card and gives her £10 a week, checks her phone every night, stopped her seeing her sister for 2 years and told her he'd have the kids taken off her if she left. Sara has given consent for worker to call. DA unit informed. Closed PS-DOMESTIC.""",
 ['8U'], ["controls all money, takes her bank card and gives her £10 a week","stopped her seeing her sister for 2 years"],
 "Repeated controlling conduct by a husband over years (money, phone checks, isolation, threats about the children) = controlling or coercive behaviour 8U; the victim consented to the report.")
T('V','ASB-ROWDY',"""Kick out time at the Feathers. 23:40 PS 802 reports male on floor outside with blood coming from his head, witnesses say another male glassed him with a pint glass during a row about a spilled drink. Suspect detained by door staff, arrested for s47 for now. IP to hospital, deep laceration to temple needing stitches. Incident log closed ASB rowdy as crowd dispersed, crime to follow.""",
 ['5D','8N'], ["glassed him with a pint glass","deep laceration to temple needing stitches"],
 "A glassing to the head causing a deep wound suggests intent to cause serious harm (5D, 8N as alternative); 'crime to follow' is not a crime number, so it still needs recording.")
T('V','ASB-QUAL-PERSONAL',"""RP Mr Ahmed, taxi driver, reports fare on Corby Rd was asked to stop vaping in the cab and in response spat at him through the window, called him a 'f***ing P**i' and walked off. Spit landed on RP's face. RP disgusted and upset. Dashcam has audio. Closed ASB personal - hate incident flag.""",
 ['105B','9B'], ["spat at him through the window, called him a 'f***ing P**i'","Spit landed on RP's face"],
 "Spitting in the driver's face with racist abuse = racially aggravated common assault 105B; the racist abuse itself (9B) is the lesser offence in the same incident.")
T('V','PS-CONCERN',"""RP concerned about her elderly mother (86) in Willow Court sheltered housing. Mother has told her the new carer slaps her hand when she is slow to take her tablets and shouted 'I'll knock you into next week'. Mother has a small bruise to the back of her right hand. Care agency notified, carer suspended pending enquiry. Closed concern for welfare - adult safeguarding referral.""",
 ['8N'], ["slaps her hand when she is slow to take her tablets","small bruise to the back of her right hand"],
 "The older woman's own account of being slapped, with a bruise, is assault with injury 8N; a safeguarding referral is not a crime record.")
T('V','PS-SUSPICIOUS',"""02:10 INFT reports a man being bundled into the boot of a dark Audi on Elm Rd, he was shouting for help, 3 males involved, car drove off towards the ring road. Partial VRM 'KW68'. 02:18 ANPR hit on KW68 Audi northbound, 02:40 vehicle stopped by traffic on the M1, male released from the boot, has facial cuts, says he owes money and they were taking him to 'see someone'. 3 detained. Closed suspicious circs - handed to CID.""",
 ['36','8N'], ["bundled into the boot of a dark Audi","male released from the boot, has facial cuts"],
 "Taking a man away by force in a car boot against his will = kidnapping 36 (principal), assault with injury 8N as the lesser offence.")
T('V','PS-COLLAPSE',"""NWAS request police to Greggs, Abbey St - male 40s collapsed. Ambulance crew say male has a stab wound to his side, he says he was 'jumped' in the alley behind the shop by two lads, one stabbed him. Conscious, taken to QMC, not life threatening. Scene preserved. Closed PS-COLLAPSE.""",
 ['5D','8N'], ["he was 'jumped' in the alley behind the shop by two lads, one stabbed him","stab wound to his side"],
 "A stabbing to the body = wounding with intent (5D), with assault with injury 8N as the alternative if intent is not shown.")
T('V','ASB-COMMS',"""RP reports 2 messages on Facebook from a man she rejected at a wedding. First said she was 'frigid', second sent tonight says 'I know where you live and I'm going to slit your throat you slag'. RP very frightened, has checked her locks twice. Screenshots provided. Closed ASB comms.""",
 ['3B','8R'], ["I know where you live and I'm going to slit your throat you slag","RP very frightened"],
 "A written threat to cut her throat that she believes = threats to kill 3B (8R malicious communication the lesser alternative).")
T('V','PS-DOMESTIC',"""RP (male, 41) calls from outside his own home. Says wife threw a hot cup of tea over him during an argument and scratched his face. Red scald marks to neck and 3 scratches to cheek seen by attending officers PC 2290 and PC 411. Wife says he 'deserved it'. Both separated for the night. Closed PS-DOMESTIC.""",
 ['8N'], ["threw a hot cup of tea over him during an argument and scratched his face","Red scald marks to neck and 3 scratches to cheek"],
 "Scalding and scratching the husband causing visible injury = assault with injury 8N, whichever partner is the victim.")
# ---- other ----
T('O','PS-ALARM',"""Alarm activation 10 Pear Tree Ave (residential). 11:05 patrol: rear patio door glass smashed, bedrooms ransacked, homeowner contacted at work and attended - jewellery box and a laptop missing. Door boarded. Closed PS-ALARM.""",
 ['28E'], ["rear patio door glass smashed, bedrooms ransacked","jewellery box and a laptop missing"],
 "Entry to a home through a smashed door and property taken = residential burglary 28E.")
T('O','PS-LOST-FOUND',"""RP reports 'lost' purse in the Primark queue. While at the till a woman pressed right up behind her and after she left RP found her bag unzipped and purse gone. £60 cash and cards, cards cancelled straight away, no use on them. Closed lost property.""",
 ['39'], ["woman pressed right up behind her","found her bag unzipped and purse gone"],
 "Purse taken from a bag she was carrying, not lost = theft from the person 39.")
T('O','ASB-VEHICLE-NUISANCE',"""Neighbour dispute re parking on Fern Grove again. RP found all four tyres on his Kia let down and a 2-inch gouge in the bonnet this morning. Neighbour seen on RP's Ring doorbell at 05:20 crouching by each wheel in turn. Closed ASB vehicle nuisance.""",
 ['58C'], ["a 2-inch gouge in the bonnet","crouching by each wheel in turn"],
 "Deliberate damage to a car, with doorbell footage of the neighbour = criminal damage to a vehicle 58C.")
T('O','PS-CONCERN',"""14:30 RP concerned for her dad (79) who lives alone. Says a man came to the door yesterday saying his roof tiles were loose, went up a ladder, came down with a broken tile and said it would be £3,800 to fix, dad paid £1,200 cash upfront. No work since, mobile no. dead. Dad well. Closed PS-CONCERN - welfare ok.""",
 ['53D'], ["came down with a broken tile and said it would be £3,800 to fix","dad paid £1,200 cash upfront","mobile no. dead"],
 "Cold-call rogue trader taking a deposit on false claims of damage and disappearing = fraud by false representation 53D, for Action Fraud.")
T('O','PS-INSECURE',"""Patrol 06:15 noted fire exit of the Community Hall, Orchard Rd, open. On checking: door forced with a tool, office drawers pulled out, cash tin empty on floor, tea urn gone. Caretaker attended. Closed PS-INSECURE.""",
 ['30C'], ["door forced with a tool, office drawers pulled out, cash tin empty on floor"],
 "Forced entry to a community building and theft of property = burglary business and community 30C.")
T('O','ASB-QUAL-ENVIRONMENTAL',"""Report of youths setting fire to the wheelie bins behind the parade on Carr Lane, 3 bins alight, fire service attended 21:50 and extinguished. Youths seen running from the bins with a lighter per INFT. Shop back door scorched. Closed ASB environmental.""",
 ['56B'], ["youths setting fire to the wheelie bins","3 bins alight","Youths seen running from the bins with a lighter"],
 "Deliberately setting fire to bins = arson not endangering life 56B (no occupied premises at risk described).")
T('O','PS-CIVIL',"""RP (landlady) reports tenant left the flat last week owing 2 months rent. Says tenant also took the washing machine, fridge freezer and sofa that were hers and listed in the inventory. Tenant not answering. Rent arrears advised civil. Closed PS-CIVIL.""",
 ['49'], ["took the washing machine, fridge freezer and sofa that were hers and listed in the inventory"],
 "Rent arrears are civil, but removing the landlady's own furniture and appliances without consent = theft (49) of her property.")
T('O','ASB-ROWDY',"""Youths shouting at shoppers outside Aldi. 16:40 Security guard states one of the youths ran in, grabbed a bottle of vodka off the shelf and when the guard held his arm at the door the youth punched the guard in the chest and got away with the bottle. Closed ASB rowdy.""",
 ['34A','46'], ["grabbed a bottle of vodka off the shelf","punched the guard in the chest and got away with the bottle"],
 "Force used on the guard to keep stolen goods = robbery of business property 34A (shoplifting 46 as the lesser).")
T('O','PS-SUSPICIOUS',"""Stop check on Castle St 01:15, male on a pedal cycle no lights seen looking into parked cars. s1 search: screwdriver, set of 'jiggler' car keys and a torch in his rucksack. Male could not explain the keys. Arrested. Closed suspicious circs.""",
 ['33'], ["screwdriver, set of 'jiggler' car keys and a torch in his rucksack","could not explain the keys"],
 "Articles for vehicle theft found on a man away from home, with no explanation = going equipped 33 (points to prove made out by the search).")
T('O','ASB-STREET-DRINKING',"""Street drinkers by the fountain again. PCSO 6621 attended and one male (known, Dean) was found with a small bag of white powder in his hand when asked to empty pockets, he said it was 'a bit of coke'. Seized. Closed ASB street drinking.""",
 ['92D'], ["small bag of white powder in his hand","he said it was 'a bit of coke'"],
 "Drug found in his possession with his admission it is cocaine = possession of a class A drug 92D (state-based offence, points made out).")
T('O','ASB-NEIGHBOURS',"""RP Mrs Iqbal reports ongoing issues with next door. Tonight she found a pig's head left on her front doorstep and 'Muslims out' painted on her front door in red. RP and children terrified. Closed ASB neighbours - hate incident.""",
 ['58J','9B'], ["'Muslims out' painted on her front door in red","pig's head left on her front doorstep"],
 "Religiously hostile graffiti painted on her door = religiously aggravated criminal damage 58J; the pig's head and message also cause distress (9B) as the lesser offence.")
T('O','PS-CONCERN',"""Concern for welfare of lone worker - Spar manager Broad St rings, member of staff (Kelly) upset. A man came in at 20:10, waved a kitchen knife at her and demanded the cash from the till, she gave him about £200, he ran off. Kelly not injured. Closed concern for welfare - staff member safe.""",
 ['34A'], ["waved a kitchen knife at her and demanded the cash from the till"],
 "Threat of force with a knife to take the shop's cash = robbery of business property 34A.")
T('O','TR-ROAD-RELATED',"""RP reports his motorbike (Honda CBR, KR21 VNP) was taken from outside his house overnight, chain cut. 08:30 vehicle found burnt out on Hatton Fields. Closed road-related - vehicle recovered.""",
 ['48'], ["motorbike (Honda CBR, KR21 VNP) was taken from outside his house overnight, chain cut","found burnt out"],
 "Taking a motorcycle without consent (found burnt out) = theft of a motor vehicle 48; the burning is part of the same episode.")
# ---- negatives ----
F('denial','PS-DOMESTIC',"""INFT (passer-by) reports hearing screaming from 22 Leigh Ave, female screaming 'get off me'. 21:35 PC 3310 attended: female (28) and her sister present, both laughing, say they were play-fighting over the TV remote. No injuries, both sober, no DA history, sister confirms. Closed PS-DOMESTIC - no offences.""",
 "Third-party report; both present give a consistent innocent account matching what officers saw, no injury, no history.")
F('words','PS-DOMESTIC',"""Couple arguing in the flat about him going to the football instead of her mum's birthday. Raised voices, she says he called her a 'selfish cow'. No threats, nothing thrown, no damage. Both calm on arrival. Closed PS-DOMESTIC.""",
 "A verbal row inside a dwelling with insults but no threat, violence or damage: no notifiable offence.")
F('fear','PS-CONCERN',"""RP worried that her ex (released from prison next month) 'will come for her' when he's out, as he did before. No contact from him since 2021. Advised re DVDS and safety planning, call 999 if he turns up. Closed concern for safety.""",
 "Fear of what might happen in future with no recent contact or threat: no offence.")
F('recorded','ADMIN',"""RP calling for an update on her assault report from Saturday night, crime ref CR/44128/26. Has now remembered the suspect had a tattoo on his neck. Info added to crime. Closed ADMIN.""",
 "Extra detail on an already recorded crime: nothing new to record.")
F('accident','TR-RTC-INJURY',"""RTC 2 veh A614 junction Blidworth Lane, car emerged into path of motorbike. Rider (m, 33) broken wrist, conveyed. Car driver (f, 67) stopped, breath test neg, details exchanged, says sun in eyes. Closed RTC injury - collision report.""",
 "A collision with injury where the driver stopped, was sober and cooperated: a road traffic matter, no notifiable offence disclosed.")
F('civil','PS-CIVIL',"""RP (Mr Holt) reports his ex-wife will not let him see the kids this weekend despite the arrangement. No court order in place. Children safe with mum. Advised civil - family court. Closed PS-CIVIL.""",
 "Child contact dispute without a court order: civil.")
F('state','PS-SUSPICIOUS',"""Smell of cannabis coming from car parked at Wharf car park, 2 males inside. 22:10 officers attended, vehicle and occupants searched under s23 MDA, nothing found. Both PNC no trace. Words of advice. Closed suspicious circs.""",
 "A smell with a negative search: the points to prove for possession are not made out (R-NCRS-STATE).")
F('retraction','PS-LOST-FOUND',"""RP reports his wallet stolen from his jacket in the gym changing room. UPDATE 19:20 RP rang back - wallet found in his car footwell, everything in it. Closed lost property - found.""",
 "The wallet was found intact in his own car, verifiable fact that nothing was stolen.")
F('elsewhere','PS-CONCERN',"""RP (female, 25) calls from home, upset. Says while on holiday in Magaluf last week a bar worker grabbed her bottom and she reported it to Guardia Civil there, has a Spanish report number. Wanted to know if UK police can do anything. Advised offence abroad, given FCDO and Victim Support info. Closed concern for welfare.""",
 "The touching happened in Spain and is already reported there; not a crime to record in England and Wales.")
F('mh','PS-MENTAL-HEALTH',"""RP (Joan, 62) rings again convinced neighbours are pumping gas through her walls and watching her through the TV. Known to CMHT, 14th call this month. Nothing to indicate any offence. CMHT care coordinator informed. Closed PS-MENTAL-HEALTH.""",
 "Beliefs arising from known mental illness with nothing to indicate any offence.")
F('missing','PS-MISSING',"""MISPER Tyler, 16, not back from college, low risk. 23:50 Tyler walked in, was at his girlfriend's (also 16) house watching films, phone died. Safe and well check done by PC 1190, no concerns, no harm disclosed. Closed MISPER - returned.""",
 "Returned safe; no harm, exploitation or offence disclosed; two 16-year-olds spending the evening together is lawful.")
F('words','ASB-QUAL-PERSONAL',"""Man in the park told RP's dog walker group that their dogs 'should be shot' because they were off leads. He walked off. No threat to them directly, RP found it rude. Closed ASB personal.""",
 "A rude remark about dogs with no threat to the people and no one put in fear: not a notifiable offence.")
F('state','PS-SUSPICIOUS',"""Call re male seen on CCTV at Lidl with what the guard thought was a knife handle sticking from his pocket. Male stopped outside by PC 2288, searched s1 - it was a black vape pen. Nothing else. Closed suspicious circs - search negative.""",
 "Negative search, the 'knife' was a vape: no weapon offence made out.")
F('accident','ASB-VEHICLE-NUISANCE',"""Kids playing football in the road hit RP's car and cracked his wing mirror. Kids' dad came out, apologised, will pay for it. Closed ASB vehicle nuisance.""",
 "Accidental damage from a ball game, no intent or recklessness shown: not criminal damage.")
F('civil','PS-CIVIL',"""RP bought a sofa from DFS, delivered damaged, company refusing refund until inspection. RP wants police to 'make them'. Advised civil / consumer rights. Closed PS-CIVIL.""",
 "A consumer dispute with an identified retailer: civil.")
F('nonnotifiable','TR-ROAD-RELATED',"""Reports of a car weaving on the A60. Stopped by RPU 23:05, driver (m, 45) blew 62 on roadside, arrested, evidential 58. Charged drink drive. Closed road-related.""",
 "Drink-driving is not a notifiable offence under the label rules.")
F('recorded','PS-CONCERN',"""Victim of last month's burglary (crime ref 26/18890) rang, anxious about living alone since. Requested crime prevention visit. Booked with PCSO for Thursday. Closed concern for welfare.""",
 "Welfare contact about an already recorded burglary; nothing new disclosed.")
F('fear','ASB-NEIGHBOURS',"""RP says new neighbours 'look dodgy', lots of cars coming and going, thinks they might be dealing drugs and worries they'll break into her house. Nothing seen changing hands. Passed to neighbourhood team as intel. Closed ASB neighbours.""",
 "Suspicion and worry without any offence observed: intelligence only.")
F('retraction','PS-DOMESTIC',"""RP (female) rang 999 saying her bf 'stole' her car keys and drove off in her car. UPDATE 18:40 RP rang back, keys were in her coat pocket all along and bf had taken the bus; the car was on the next street where she parked it. Closed PS-DOMESTIC.""",
 "The keys and car were where she had left them: verifiable fact that nothing was taken.")
F('nonnotifiable','ASB-LITTER',"""Fly-tipping - mattress, 3 black bags and a fridge dumped in the lay-by on Brampton Lane. Council informed for removal. Closed ASB litter.""",
 "Fly-tipping is not a notifiable offence (council enforcement).")
