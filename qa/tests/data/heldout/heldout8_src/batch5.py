from _h import T, F
# ---- sexual ----
T('S','PS-EVENT',"""Splendour festival, Wollaton Park. 18:40 welfare tent reports female (22) came in upset: in the crowd at the main stage a man behind her repeatedly pressed his erect penis against her bottom and put his hand inside her shorts. Friends pulled her out. Suspect desc WM, bucket hat, Oasis t-shirt. Stewards briefed. Closed PS-EVENT.""",
 ['20A'], ["repeatedly pressed his erect penis against her bottom and put his hand inside her shorts"],
 "Sexual touching in a crowd without consent = sexual assault on a female 13+ (20A).")
T('S','PS-CHILD-CONCERN',"""School (Year 6 teacher) reports pupil Amira (10) wrote in her diary task that her cousin (19) 'put his private part inside me' at Eid when the adults were downstairs. Safeguarding lead spoke to her, she repeated it. Parents not yet informed per MASH advice. Closed PS-CHILD-CONCERN.""",
 ['19E','23'], ["'put his private part inside me'","Amira (10)"],
 "Penile penetration of a 10-year-old = rape of a female child under 13 (19E); familial offence 23 as the lesser alternative.")
T('S','ASB-QUAL-PERSONAL',"""Supermarket worker (m, 17) reports his supervisor (m, 45) keeps making sexual comments and yesterday in the stockroom grabbed his crotch and said 'you know you want it'. RP embarrassed, told his mum. Closed ASB personal.""",
 ['17A'], ["grabbed his crotch and said 'you know you want it'"],
 "Grabbing a 17-year-old's crotch without consent = sexual assault on a male 13+ (17A).")
T('S','PS-CONCERN',"""02:30 RP (Uber driver) reports female passenger passed out in his car, he's outside the hospital. Friend who booked the ride said on the phone that the female (Kirsty, 19) told her earlier she'd woken up in a stranger's flat with no underwear on and thinks her drink was spiked, she remembers a man on top of her having sex with her and being unable to move. A&E assessing. Closed PS-CONCERN.""",
 ['19C'], ["she remembers a man on top of her having sex with her and being unable to move","thinks her drink was spiked"],
 "Intercourse with a woman unable to move after a suspected spiking = rape 19C, on her account relayed by her friend and to be confirmed with her.")
T('S','ASB-COMMS',"""RP (f, 33) says a man she went on one date with has set up a fake Instagram account using her name and posted her intimate photos he took while they were together, offering 'her' for sex. RP mortified. Closed ASB comms.""",
 ['88C'], ["posted her intimate photos he took while they were together"],
 "Sharing intimate images without consent (s66B SOA 2003) - classed as other miscellaneous sexual offences (88C), the nearest class in the list.")
T('S','PS-DOMESTIC',"""Officer update from PC 2810 at 14 Dunkirk Rd: attended re DA argument. Female (Bex, 17) says her stepdad (45) has been coming into her room at night for a year and touching her breasts and vagina under her pyjamas. Mum present, says she 'never knew'. Stepdad left in his car before we arrived. Bex and mum to stay at nan's. Closed PS-DOMESTIC.""",
 ['23','20A'], ["her stepdad (45) has been coming into her room at night for a year and touching her breasts and vagina"],
 "Sexual touching of a 17-year-old stepdaughter by a step-parent = familial child sex offence 23 (under 18 in the family), sexual assault 20A as the alternative.")
T('S','PS-SUSPICIOUS',"""RP (f) reports a man in a dark van pulled up next to her on Derby Rd, asked for directions, and when she leaned in he was naked from the waist down and masturbating. Van drove off. Partial VRM 'FD'. Closed suspicious circs.""",
 ['88E'], ["he was naked from the waist down and masturbating"],
 "Deliberate exposure to a woman drawn to the window = exposure 88E.")
T('S','PS-MENTAL-HEALTH',"""Crisis team call: patient (m, 28) in crisis house says that during his last admission a male nurse on Ward 3 came into his room at night and performed oral sex on him while he was sedated. Patient has capacity and is clear about the account. Ward manager informed. Closed PS-MENTAL-HEALTH.""",
 ['22A','70'], ["performed oral sex on him while he was sedated"],
 "Performing oral sex on a sedated patient who could not consent causes him to engage in penetrative sexual activity without consent (22A); a care worker's sexual activity with a person with a mental disorder (70) is the alternative.")
T('S','ADMIN',"""Call from Childline (consent given by caller): girl (Mia, 13) says her 15-year-old boyfriend pressured her into sex at his house on Saturday, she said she wasn't ready and he did it anyway. Name and school given. Passed to CAIU. Closed ADMIN.""",
 ['19D'], ["she said she wasn't ready and he did it anyway","Mia, 13"],
 "Intercourse with a 13-year-old who said she was not ready = rape of a female under 16 (19D); the suspect being a child does not stop recording.")
T('S','ASB-QUAL-NUISANCE',"""Library staff report a man using the public computer to view what appear to be indecent images of young children, another user saw the screen. Male left when challenged. PC logged in under his library card. Closed ASB nuisance.""",
 ['86'], ["view what appear to be indecent images of young children"],
 "Viewing (making) indecent images of children, seen by a witness on an identifiable machine = indecent images offence (86).")
T('S','PS-CONCERN',"""Care worker at supported living (Alder House) reports resident (f, 26, learning disability, non-verbal) returned from a day trip with the driver with her top inside out and bruising on her inner thighs. Another resident (able to speak) says the driver 'took her in the back of the bus and hurt her'. Driver suspended. Closed PS-CONCERN.""",
 ['70','20A'], ["'took her in the back of the bus and hurt her'","bruising on her inner thighs"],
 "A non-verbal woman with a learning disability, a witness account and injuries to her inner thighs meet the test for sexual activity with a person with a mental disorder by a carer (70; 20A as alternative).")
# ---- violence ----
T('V','PS-PROTEST',"""Counter-protest at the Council House. Steward from one group reports a man from the other side ran across and punched a female protester (60s) in the face, she has a bloody nose. Suspect lost in the crowd. Closed PS-PROTEST.""",
 ['8N'], ["punched a female protester (60s) in the face, she has a bloody nose"],
 "A punch causing a bloody nose, witnessed = assault with injury 8N.")
T('V','PS-DOMESTIC',"""Carer agency: client (Mr Hill, 90) told his carer that his son 'gives him a slap' when he wets himself. Carer saw a handprint-shaped bruise on his upper arm. Son lives with him. Adult safeguarding referral made. Closed PS-DOMESTIC.""",
 ['8N'], ["'gives him a slap' when he wets himself","handprint-shaped bruise on his upper arm"],
 "A 90-year-old's account of slaps with a handprint bruise = assault with injury 8N on a vulnerable adult.")
T('V','ASB-ROWDY',"""Ice rink, Bolero Sq. Staff report a man punched a 14 yr old boy who bumped into his girlfriend on the ice. Boy has a swollen cheek. Man left. Boy's mum wants the man found. Closed ASB rowdy.""",
 ['8N'], ["a man punched a 14 yr old boy","Boy has a swollen cheek"],
 "A punch causing swelling to a child = assault with injury 8N.")
T('V','PS-CONCERN',"""RP worried about neighbour (f, 30s) who she saw being dragged by her hair into a car by a man at 23:10, the car drove off. RP thinks it was her boyfriend. 23:45 officers located the female at her boyfriend's address: she says they argued, she is 'fine', refuses to speak further. Redness to her scalp and scratches on her arms seen. Closed concern for welfare.""",
 ['8N'], ["being dragged by her hair into a car by a man","scratches on her arms seen"],
 "An independent eyewitness and fresh scratches make an assault more likely than not despite her refusal to speak = 8N (third-party account meets the test).")
T('V','TR-RTC-INJURY',"""RTC Gregory Blvd: car mounted the pavement and struck a pedestrian (m, 50s) after a row between the driver and the pedestrian at the crossing. Witnesses say driver revved and drove straight at him deliberately. Pedestrian broken leg. Driver detained. Closed RTC injury.""",
 ['5D','8N'], ["driver revved and drove straight at him deliberately","Pedestrian broken leg"],
 "Deliberately driving at a man and breaking his leg = assault with intent to cause serious harm (5D, car as weapon), with 8N as the alternative; not a collision.")
T('V','PS-DOMESTIC',"""UPDATE 2 (PC 1411): Spoke to Gemma again at the refuge. She states over the past 18 months Ryan has tracked her phone, made her account for every penny, stopped her going to work and told her that if she ever left he'd tell social services she was a bad mum. Closed PS-DOMESTIC.""",
 ['8U'], ["tracked her phone, made her account for every penny, stopped her going to work","over the past 18 months"],
 "An 18-month pattern of monitoring, financial control, isolation and threats = controlling or coercive behaviour 8U.")
T('V','ASB-NEIGHBOURS',"""RP says his upstairs neighbour pushed a note under his door: 'Keep the noise down or I'll cut your throat while you sleep'. RP believes it given the neighbour's previous for violence, has moved out to his brother's. Closed ASB neighbours.""",
 ['3B'], ["'Keep the noise down or I'll cut your throat while you sleep'","RP believes it"],
 "A written conditional threat to kill, believed = 3B.")
T('V','PS-CIVIL',"""10:50 Enforcement agents (Marston) request attendance at 7 Wells Rd, occupant refusing entry for a council tax warrant. Advised police attend to prevent a breach of the peace only. 11:30 bailiff rings back: the occupant came out with a baseball bat and swung it, hitting the bailiff's arm. Bailiff has a large swelling on his forearm, colleague filmed it on body cam. 11:41 PC 2214 and PC 2650 on scene, occupant back inside, door locked, bat visible in the hallway. Occupant spoken to through the letterbox, says he 'just waved it'. Bailiffs withdrew, will return with a further warrant. Injured bailiff declined ambulance, going to his GP. Closed PS-CIVIL - enforcement.""",
 ['8N'], ["swung it, hitting the bailiff's arm","large swelling on his forearm"],
 "A bat strike causing swelling = assault with injury 8N (5D only if serious harm was intended); the debt is civil.")
T('V','PS-CHILD-CONCERN',"""Nursery manager: Noah (2) has a circular burn mark on his forearm, consistent with a cigarette per the nurse. Dad says he touched a radiator. Paediatric assessment confirms a cigarette burn. Closed PS-CHILD-CONCERN.""",
 ['8N'], ["circular burn mark on his forearm","Paediatric assessment confirms a cigarette burn"],
 "A cigarette burn to a 2-year-old, confirmed medically and not fitting the account = assault with injury 8N on a child victim (cruelty 11A only if wilful ill-treatment by a parent is established).")
T('V','ASB-COMMS',"""RP (Mr Rahman, councillor) has received 3 letters in a month at home saying 'Muslims like you should be hung' and 'we know where your kids go to school'. RP's family frightened. Closed ASB comms - hate incident.""",
 ['8M'], ["3 letters in a month","'Muslims like you should be hung'","RP's family frightened"],
 "Repeated religiously hostile letters with threats causing fear = religiously aggravated harassment 8M.")
T('V','PS-OTHER',"""Security at the Victoria Centre: male shoplifter detained, during detention he bit the security officer's hand, breaking the skin. PC 3311 attended and arrested. Closed PS-OTHER.""",
 ['8N','46'], ["bit the security officer's hand, breaking the skin"],
 "A bite breaking the guard's skin during a detention after the theft = assault with injury 8N (different victim from the shop's 46, recorded too; robbery would need force before or at the time of stealing to keep the goods).")
T('V','PS-SUSPICIOUS',"""RP (f, 19) says her ex-boyfriend's friend has been turning up at her uni lectures, waiting outside her halls and messaging her from new accounts every time she blocks him, for about 3 weeks. She has never dated him. RP feels unsafe. Closed suspicious circs.""",
 ['8Q','8L'], ["turning up at her uni lectures, waiting outside her halls","messaging her from new accounts every time she blocks him","RP feels unsafe"],
 "Three weeks of fixated turning up and messaging from new accounts causing fear = stalking 8Q (8L alternative).")
T('V','PS-DOMESTIC',"""99 Hucknall Rd: RP (f, 45) says her adult son (22) threw a remote control at her, hitting her on the cheek. Red mark but no cut. Son now calm. Closed PS-DOMESTIC.""",
 ['8N'], ["threw a remote control at her, hitting her on the cheek","Red mark"],
 "A thrown object leaving a red mark = assault with injury 8N (visible mark).")
T('V','ASB-QUAL-PERSONAL',"""Lollipop lady reports driver swore at her and drove at her at the crossing, clipping her sign, she jumped back. No injury. VRM given. Closed ASB personal.""",
 ['105A'], ["drove at her at the crossing, clipping her sign"],
 "Driving at her so the car strikes her sign is an assault by using a vehicle to cause her to apprehend violence = common assault 105A (no injury).")
# ---- other ----
T('O','PS-INSECURE',"""Keyholder of the Scout hut on Wilford Lane reports door found open. PCSO attended: door frame splintered, camping stoves and 4 tents missing from the store. Closed PS-INSECURE.""",
 ['30C'], ["door frame splintered, camping stoves and 4 tents missing"],
 "Forced entry to a community building and theft = burglary business and community 30C.")
T('O','ASB-ROWDY',"""Group of 5 youths surrounded RP (m, 16) on the canal path, one pulled his bag off his back and another said 'don't fight it or we'll batter you'. Bag had his laptop. Closed ASB rowdy.""",
 ['34B'], ["one pulled his bag off his back and another said 'don't fight it or we'll batter you'"],
 "Taking his bag while threatening force = robbery 34B.")
T('O','PS-ALARM',"""Car alarm going off in Tesco car park, 20:15. Owner returned: catalytic converter sawn off her Honda Jazz. Closed PS-ALARM.""",
 ['45'], ["catalytic converter sawn off her Honda Jazz"],
 "Catalytic converter stolen from a car = theft from a vehicle 45.")
T('O','PS-CONCERN',"""RP (f, 70s) in tears, says a 'police officer' rang saying her bank was under investigation and asked her to withdraw £5,000 and give it to a courier to 'check the notes'. Courier collected it at her door an hour ago. Closed PS-CONCERN.""",
 ['53D'], ["a 'police officer' rang saying her bank was under investigation","give it to a courier to 'check the notes'"],
 "Courier fraud by impersonating police = fraud by false representation 53D, for Action Fraud.")
T('O','PS-SUSPICIOUS',"""Resident of Radford Court reports damage to the communal front door entry panel, kicked in. Second time this week. CCTV shows a male kicking it at 01:34. Closed suspicious circs.""",
 ['58B'], ["communal front door entry panel, kicked in","CCTV shows a male kicking it"],
 "Deliberate damage to the communal entrance of a block = criminal damage to a building other than a dwelling 58B.")
T('O','ASB-ANIMALS',"""RP (Mrs Dale) says her neighbour, who has complained for months about her cat using his garden, threw a half brick at the cat this morning and killed it. RP's son (14) saw him do it from the bedroom window. Cat buried by RP. Closed ASB animals.""",
 ['58D'], ["threw a half brick at the cat this morning and killed it","RP's son (14) saw him do it"],
 "Deliberately killing another person's pet destroys her property = criminal damage 58D (animal welfare offences aside).")
T('O','PS-CIVIL',"""RP (dad) says his daughter's ex (18) won't give back her PS5 which she lent him. Civil. RP also says the ex came round last night and smashed the windscreen of the daughter's car with a hammer, neighbour saw it. Closed PS-CIVIL.""",
 ['58C'], ["smashed the windscreen of the daughter's car with a hammer, neighbour saw it"],
 "The loaned console is civil; smashing her windscreen = criminal damage to a vehicle 58C.")
T('O','PS-LOST-FOUND',"""RP says her son's scooter 'went missing' from outside the Co-op. Shop CCTV shows a teen on a bike cycling up, picking it up and riding off holding it. Closed lost property.""",
 ['49'], ["picking it up and riding off holding it"],
 "CCTV shows the scooter taken = theft (49); a push scooter is not a pedal cycle.")
T('O','ASB-QUAL-ENVIRONMENTAL',"""Council reports 6 trees newly planted in Forest Rec snapped in half overnight. Groundsman found a group's beer cans around them. Closed ASB environmental.""",
 ['58D'], ["6 trees newly planted in Forest Rec snapped in half overnight"],
 "Deliberately snapping council trees = criminal damage 58D.")
T('O','PS-DOMESTIC',"""Female (Kim) says her partner took her car keys and her Fiat 500 without asking after a row and has crashed it into a wall on Ilkeston Rd, car written off. Car in her sole name, he has no insurance. Closed PS-DOMESTIC.""",
 ['37.2','48'], ["took her car keys and her Fiat 500 without asking","has crashed it into a wall on Ilkeston Rd, car written off"],
 "Taking her car without consent and crashing it, destroying the car = aggravated vehicle taking 37.2 (48 as the alternative).")
T('O','ASB-TRESPASS',"""Allotment holders report someone has broken into 5 plot sheds overnight at Bagthorpe allotments, locks snapped, strimmers and a generator taken. Closed ASB trespass.""",
 ['30C'], ["broken into 5 plot sheds overnight","strimmers and a generator taken"],
 "Allotment sheds are not within a dwelling's boundary: forced entry and theft = burglary business and community 30C.")
T('O','ASB-NEIGHBOURS',"""RP (Black British, 40s) says neighbour shouted 'monkey' at her and made ape noises while she was getting out of her car, her children heard. RP distressed. Happened on the street outside. Closed ASB neighbours.""",
 ['9B'], ["shouted 'monkey' at her and made ape noises","RP distressed"],
 "Racist abuse in the street causing an identified victim distress = racially aggravated public order 9B.")
T('O','PS-SUSPICIOUS',"""Patrol saw male (30s) on the Meadows with a lock knife clipped to his belt, no reason given, says 'protection'. Knife seized, 3.5 inch locking blade. Reported for summons. Closed suspicious circs.""",
 ['10D'], ["lock knife clipped to his belt","3.5 inch locking blade"],
 "A locking knife carried in public for 'protection' = possession of a bladed article 10D, points made out.")
T('O','PS-CONCERN',"""Manager of Lloyds branch concerned for customer (m, 80s) who came in with a man to withdraw £8,000 for 'roof repairs' - the man has already been paid £4,000 for roof work that customer's son says was never done, man gave a false company name. Closed PS-CONCERN.""",
 ['53D'], ["already been paid £4,000 for roof work that customer's son says was never done","man gave a false company name"],
 "Taking payment for work not done under a false company name = fraud by false representation 53D, for Action Fraud.")
T('O','ASB-STREET-DRINKING',"""PCSO moving on drinkers at the Sneinton Market benches found a male with 2 bags of green plant material smelling of cannabis in his jacket, he admitted it was weed. Seized, community resolution considered. Closed ASB street drinking.""",
 ['92E'], ["2 bags of green plant material smelling of cannabis in his jacket, he admitted it was weed"],
 "Cannabis found in his possession with an admission = possession of cannabis 92E.")
# ---- negatives ----
F('denial','PS-DOMESTIC',"""Neighbour heard a slap and crying from no.12 at 19:00. Officers attended 19:20: mum (30s) says her son (6) had a meltdown and she clapped her hands loudly to get his attention. Son seen alone by PC, no marks, says mum 'clapped really loud', happy and playing. No history. Closed PS-DOMESTIC.""",
 "The child, seen alone, gives the same innocent account; no marks and no history.")
F('words','ASB-QUAL-PERSONAL',"""Shop worker says a customer called her 'useless' when the card machine failed and stormed out. She was annoyed, not scared. Closed ASB personal.""",
 "Rudeness with no one alarmed or distressed: no offence.")
F('jest','ASB-COMMS',"""RP's mate sent her a TikTok saying 'I'm gonna murder you for spoiling the ending' after she told him what happened in a film. RP laughing on the phone, only wanted to know if he 'could get in trouble'. Closed ASB comms.""",
 "Words in jest between friends, not meant or taken as a threat.")
F('fear','PS-DOMESTIC',"""RP (f) says her husband has been 'moody' and she is worried he might hit her one day, he never has. No threats made, no control disclosed on DASH. Advice and DA support numbers given. Closed PS-DOMESTIC.""",
 "Fear of what might happen with no violence, threats or controlling behaviour disclosed.")
F('recorded','ASB-NEIGHBOURS',"""RP reports neighbour again - re the damage to her fence last Tues already on crime 26/58810. Nothing further has happened. Wanted to know if he's been spoken to. Closed ASB neighbours.""",
 "Update on already recorded damage; no new incident.")
F('elsewhere','PS-CONCERN',"""RP (student from Nigeria) says her brother in Lagos has been kidnapped and the family are being asked for ransom. Nigerian police involved, FCDO aware. RP safe here. Closed concern.""",
 "An offence against a person in Nigeria, already with the authorities there.")
F('civil','PS-CIVIL',"""RP's neighbour has built a fence 30cm onto RP's land per the deeds. Advised civil - boundary dispute, solicitor/Land Registry. Closed PS-CIVIL.""",
 "A boundary dispute: civil.")
F('civil','PS-CIVIL',"""RP lent her friend £500 which was meant to be paid back by last month. Friend says she'll pay when she can. Advised civil - small claims. Closed PS-CIVIL.""",
 "An unpaid private loan: civil debt.")
F('state','PS-SUSPICIOUS',"""Dog walker reports a bag of white powder found in the bushes at Colwick Park. PCSO recovered it for destruction. No one near it. Closed suspicious circs.""",
 "Found drugs with no one in possession: no possession offence made out.")
F('state','TR-ROAD-RELATED',"""Driver stopped for speeding, carpet fitter, Stanley knife in the tool bag in his van with his other tools, on way to a job. Checked and returned. Closed road-related.""",
 "A work knife carried with his tools on the way to a job has a good reason: no offence.")
F('accident','PS-INSECURE',"""Shop window on Alfreton Rd found cracked. Keyholder checked CCTV: a delivery lorry's mirror clipped it while reversing at 06:10, driver didn't notice. Company contacted. Closed PS-INSECURE.""",
 "CCTV shows accidental damage by a reversing lorry: not criminal damage.")
F('retraction','PS-CONCERN',"""RP (mum) says her daughter (15) came home saying a man exposed himself in the park. UPDATE daughter later admitted to mum she made it up to explain why she was late home; friends confirm they were at the cinema and never went to the park. Closed PS-CONCERN.""",
 "The girl retracted and her friends confirm she was elsewhere: verifiable fact that it did not happen.")
F('lawful','ASB-QUAL-NUISANCE',"""RP complains about women sunbathing topless on Trent embankment. PCSO attended, two adults topless sunbathing, not in view of the play area, not behaving sexually. Advised lawful. Closed ASB nuisance.""",
 "Topless sunbathing by adults is lawful; no exposure offence.")
F('missing','PS-MISSING',"""16:40 MISPER Jamie (12) didn't come home from school, mum has rung his friends, no one has seen him since the bell. Grade 2, medium risk due to age. 17:05 school confirm he left alone at 15:20 on foot. 17:15 phone goes to voicemail, mum says he has no money. 17:30 units and PCSOs briefed, parks and shops along his route checked. 17:50 dad checked the house and his grandma's, not there. 18:10 found at the central library by PCSO 6640, reading in the graphic novel section, had lost track of time and his phone was flat. Mum collected him. Safe and well check: no harm, no one approached him, nothing disclosed. Closed MISPER - found.""",
 "Found safe; nothing disclosed.")
F('mh','PS-MENTAL-HEALTH',"""Female (40s) called saying she wants to end her life, has written a note. Officers attended, female safe, taken to A&E voluntarily for MH assessment. Closed PS-MENTAL-HEALTH.""",
 "A self-harm crisis with no third party: no offence.")
F('nonnotifiable','PS-ANIMAL',"""Horse loose on the A52, owner located and horse returned to field, closed PS-ANIMAL.""",
 "A straying horse: no offence.")
F('nonnotifiable','ASB-STREET-DRINKING',"""PSPO alcohol zone, Old Market Sq. 3 males drinking, asked to hand over alcohol, complied. Closed ASB street drinking.""",
 "PSPO drinking complied with: not notifiable.")
F('denial','PS-CHILD-CONCERN',"""Anonymous call: child at 5 Sycamore Rd 'always has bruises'. Officers and social worker visited: child (8) plays rugby, bruises to shins only, consistent with sport, coach confirms, child chatty and happy, no other concerns. Closed PS-CHILD-CONCERN.""",
 "Bruising consistent with sport, confirmed by the coach, and nothing from the child: no offence.")
F('words','PS-DOMESTIC',"""Couple (20s) arguing outside their own front door about her ex texting. He called her names, she called him names, no threats, both went inside. Nobody else present. Closed PS-DOMESTIC.""",
 "Mutual insults between a couple with no victim alarmed and no threat: no offence.")
