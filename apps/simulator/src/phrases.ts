/**
 * The phrase banks that posts are composed from. Slots in braces are filled by text.ts:
 * {b} the brand a post is about (as "@lumio", "Lumio", "#Lumio"...), {c} another brand (for comparisons),
 * {city}, {hour}, {mins}, {days}, {amount}, {mbps} (slow), {fast}, {product}, {ticket}.
 */
import type { IncidentKind } from './incidents';
import type { Lang, PostIntent } from './model';

export type ComplaintKind = 'outage' | 'billing' | 'support' | 'delivery' | 'speed' | 'install' | 'mobile';
/** intents that ordinary people's posts have (spam and abuse have their own banks) */
export type TalkIntent = Exclude<PostIntent, 'spam' | 'abuse'>;

export interface PhraseBank {
  openers: Record<PostIntent, readonly string[]>;
  complaints: Record<ComplaintKind, readonly string[]>;
  cores: Record<Exclude<PostIntent, 'complaint'>, readonly string[]>;
  extras: Record<PostIntent, readonly string[]>;
  closers: Record<PostIntent, readonly string[]>;
  emoji: Record<PostIntent, readonly string[]>;
  /** posts that name two brands ({b} is the one the post is about) */
  compare: Record<TalkIntent, readonly string[]>;
  /** posts about the campaign; {tag} is the campaign hashtag */
  campaign: Record<TalkIntent, readonly string[]>;
  incident: Record<IncidentKind, readonly string[]>;
  /** the same author again, later in the same conversation */
  followUp: Record<TalkIntent, readonly string[]>;
  /** the author answering the brand's reply */
  answerToBrand: Record<TalkIntent, readonly string[]>;
  products: readonly string[];
  tags: readonly string[];
  spamTags: readonly string[];
  hour(h: number): string;
}

/** emoji say the same in English and French */
const EMOJI: Record<PostIntent, readonly string[]> = {
  complaint: ['😡', '🤬', '😤', '🙄', '😩', '😠', '🤦‍♂️', '🤦‍♀️', '💀'],
  question: ['🤔', '🙏', '❓', '👀'],
  praise: ['🙌', '👏', '❤️', '😍', '🔥', '👍', '🥳'],
  neutral: ['😅', '👀', '🤷‍♀️', '📺', '😂'],
  spam: ['🚀', '💰', '🎁', '💎', '🤑'],
  abuse: ['🤡', '🖕', '🤮'],
};

const en: PhraseBank = {
  openers: {
    complaint: [
      '',
      '',
      '',
      'Honestly',
      'Unbelievable.',
      'Ugh.',
      'Seriously',
      'Third time this week:',
      'Great.',
      'So',
      'Cool cool cool.',
      'Day ruined:',
      'PSA:',
    ],
    question: [
      '',
      '',
      '',
      'Quick question:',
      'Hey',
      'Hi',
      'Anyone know',
      'Help!',
      'Random question but',
      'Can someone tell me',
    ],
    praise: [
      '',
      '',
      '',
      'Credit where it’s due:',
      'Genuinely impressed.',
      'Not often I say this but',
      'Shoutout!',
      'Big thanks!',
      'Ok I’ll admit it,',
    ],
    neutral: ['', '', '', 'Hmm,', 'So apparently', 'Just saw that', 'TIL', 'Fun fact:', 'Not gonna lie,'],
    spam: ['', '🚨', '🔥🔥', '⚡ LIMITED ⚡', '💸', 'BREAKING:'],
    abuse: ['', '', 'Honestly', 'Listen', 'Newsflash:'],
  },
  complaints: {
    outage: [
      'internet has been down since {hour} and {b} still says there’s no issue in {city}',
      'no connection AGAIN. {b} what is going on in {city}?',
      '{b} my broadband drops every 20 minutes, working from home is impossible',
      'whole evening without internet thanks to {b}',
      '{b} outage in {city} for {days} days now, zero updates',
      'the {b} box keeps rebooting itself, lights flashing orange',
    ],
    billing: [
      '{b} charged me twice this month, £{amount} gone',
      'my {b} bill went up by €{amount} without a single email',
      'cancelled my {b} contract {days} weeks ago and they’re still billing me',
      '{b} took a payment for a {product} I returned',
      'why does my {b} invoice have a “service fee” of €{amount} on it??',
    ],
    support: [
      'on hold with {b} for {mins} minutes and counting',
      'third time explaining the same problem to {b} support, ticket {ticket} still open',
      '{b} support chat closed on me mid-conversation. Again.',
      '{b} promised a callback {days} days ago. Still waiting.',
      'every {b} agent tells me something different',
    ],
    delivery: [
      'my {b} {product} was supposed to arrive {days} days ago, tracking hasn’t moved',
      '{b} sent the wrong {product}, now I have to wait another week',
      'where is my {product} {b}? order {ticket}',
      '{b} courier marked my {product} as delivered. It wasn’t.',
    ],
    speed: [
      'paying {b} for 1 Gb and getting {mbps} Mbps',
      '{b} speeds in the evening are a joke, {mbps} Mbps at best',
      'can’t even stream in HD with {b} tonight',
      'ping through the roof on {b} every night after 8',
    ],
    install: [
      '{b} technician didn’t show up. Took the day off for nothing.',
      '{b} install postponed for the {days}th time',
      '{b} engineer came, drilled a hole, left. Still no line.',
    ],
    mobile: [
      'no signal at all on {b} in {city} since this morning',
      '{b} 5G in {city} is slower than my old 3G',
      'calls keep dropping on {b}, can’t work like this',
      '{b} roaming charges of €{amount} for a weekend away, are you kidding',
    ],
  },
  cores: {
    question: [
      'how do I change the wifi password on my {b} box?',
      'does {b} cover {city} for fibre yet?',
      'is there a {b} outage in {city} right now?',
      'can I keep my number if I switch to {b}?',
      'does the {b} {product} support wifi 6?',
      'how long does a {b} install usually take?',
      '{b} how do I get a copy of my last bill?',
      'is it worth upgrading to the 2 Gb plan with {b}?',
      'what’s the {b} customer service number these days?',
      'does {b} do student discounts?',
      'can I pause my {b} contract while I’m abroad?',
      '{b} how do I set up parental controls on the box?',
    ],
    praise: [
      '{b} support fixed my issue in {mins} minutes',
      'switched to {b} last month and the speed is 🔥',
      'the new {b} app is actually good',
      '{b} technician was on time, polite and fast',
      '{b} refunded me without any fuss',
      '{fast} Mbps on {b} tonight, not bad at all',
      'zero drops in {days} weeks with {b}',
      'whoever runs the {b} account is a legend',
      '{b} upgraded my {product} for free',
    ],
    neutral: [
      '{b} has a pop-up store in {city} now',
      'saw a {b} ad on the bus this morning',
      'my parents just switched to {b}',
      '{b} is sponsoring the match tonight',
      'the {b} van has been parked outside for an hour',
      'reading the {b} terms and conditions for fun, as you do',
      '{b} changed their logo again?',
      'new {b} {product} arrived today',
    ],
    spam: [
      'Claim your FREE {b} airdrop before it ends',
      '{b} giveaway: win an iPhone 16, follow and RT',
      'I made $4,870 this week with this trading bot, ask me how {b}',
      'Get 3 months of {b} free with this link',
      '{b} holders: exclusive bonus, claim now',
      'Earn $500/day from home, no experience needed {b}',
    ],
    abuse: [
      '{b} you absolute clowns',
      'whoever runs {b} support should be fired into the sun',
      '{b} = a bunch of useless idiots',
      'shut up {b}, nobody believes you',
      '{b} is run by muppets, change my mind',
      'pathetic. {b} you should be ashamed',
    ],
  },
  extras: {
    complaint: [
      '',
      '',
      'Not acceptable.',
      'I pay every month for this.',
      'Nobody answers the phone.',
      'Kids are climbing the walls.',
      'I have a deadline tomorrow.',
      'Fix it.',
      'Thinking of leaving.',
    ],
    question: [
      '',
      '',
      'Thanks in advance!',
      'Can’t find it on the website.',
      'The app says nothing.',
      'Asking for a friend.',
    ],
    praise: ['', '', 'Well done.', 'Didn’t expect that.', 'Recommend.', 'Happy customer.'],
    neutral: ['', '', 'Interesting.', 'Make of that what you will.', 'Anyway.'],
    spam: ['', 'Only 100 spots left!', 'DM me now!', '24h only.', 'Link below 👇'],
    abuse: ['', '', 'Disgraceful.', 'Absolute joke.'],
  },
  closers: {
    complaint: ['', '', '', '#fail', '#customerservice', 'Sort it out.', '!!', '...', '🙄'],
    question: ['', '', '', '?', 'Cheers', 'Thanks!'],
    praise: ['', '', '', 'Cheers!', '👏', '💯'],
    neutral: ['', '', '', 'lol', 'ok then', '🤷'],
    spam: ['', '', ''],
    abuse: ['', '', ''],
  },
  emoji: EMOJI,
  compare: {
    complaint: [
      'left {c} for {b} and it’s even worse',
      '{b} is somehow worse than {c} was, impressive',
      'should’ve stayed with {c}. {b} has been down all week',
    ],
    question: [
      '{b} or {c} for fibre in {city}? Which one’s better?',
      'thinking of switching from {c} to {b}, anyone done it?',
      'is {b} cheaper than {c} now?',
    ],
    praise: [
      'switched from {c} to {b}, twice the speed for less money',
      '{b} > {c}, not even close',
      'after 5 years with {c}, {b} is a breath of fresh air',
    ],
    neutral: [
      '{b} and {c} both raising prices again',
      'ads for {b} and {c} back to back on tv',
      '{b} vs {c} price war incoming?',
    ],
  },
  campaign: {
    complaint: [
      '{tag} sounds great but {b} still can’t install it in {city}',
      'signed up for {tag} {days} weeks ago, still no install date {b}',
      'so much money on {tag} ads and {b} support still doesn’t pick up',
    ],
    question: [
      'when is {tag} coming to {city}? {b}',
      'is {tag} really 2 Gb symmetric? {b}',
      '{b} how do I check {tag} eligibility for my address?',
    ],
    praise: [
      'got {tag} installed today, 2 Gb down. Wow {b}',
      '{tag} is no joke, {fast} Mbps on wifi {b}',
      'finally on {tag}! Install took {mins} minutes {b}',
    ],
    neutral: [
      'the {tag} ads are everywhere in {city}',
      '{b} launching {tag} today apparently',
      'saw a {tag} billboard with a llama on it??',
    ],
  },
  incident: {
    outage: [
      '{b} down in {city}?',
      'is {b} down? No internet in {city} since {hour}',
      'whole street in {city} offline, {b} what’s going on?',
      '{b} outage in {city}?? Box lights all red',
      'anyone else in {city} with no {b} internet right now?',
      '{b} down again in {city}, nothing on the status page',
    ],
    mobile: [
      'no {b} signal in {city}, is it just me?',
      '{b} mobile network down in {city}?',
      'can’t make calls on {b} in {city} since {hour}',
    ],
    app: [
      'the {b} app won’t let me log in, anyone else?',
      '{b} app down? keeps saying “something went wrong”',
    ],
    billing: [
      '{b} just charged me twice?? Anyone else today?',
      'got a {b} bill for €{amount} today, is this a glitch?',
    ],
  },
  followUp: {
    complaint: [
      'Update: still nothing. {b}',
      'Day {days} and still waiting {b}',
      '{b} any news??',
      'Still down. Brilliant. {b}',
      'and now the chat says “no agents available” {b}',
      '{mins} more minutes on hold. {b} this is a joke',
    ],
    question: ['anyone? {b}', '{b} bumping this', 'still no answer {b}?', '{b} hello??'],
    praise: ['and it’s still working perfectly, thanks again {b}', 'one week later, still flawless {b}'],
    neutral: ['update: it was not, in fact, a {b} van', 'ok the {b} ad is growing on me'],
  },
  answerToBrand: {
    complaint: [
      'thanks, DM sent',
      'I already did that twice, still nothing',
      'you said that yesterday',
      'ok, restarted the box. No change.',
      'ticket {ticket}, please look at it',
    ],
    question: ['perfect, thanks!', 'that worked, cheers', 'ok will try that', 'thanks, DM sent'],
    praise: ['thank you! 🙏', 'you’re welcome 😄', '👍'],
    neutral: ['haha ok', '👀', 'fair enough'],
  },
  products: ['router', 'box', 'fibre modem', 'SIM', 'TV box', 'wifi extender', 'phone', 'mesh kit'],
  tags: ['#broadband', '#wifi', '#fibre', '#WFH', '#customerservice', '#internet', '#5G', '#mondays'],
  spamTags: ['#crypto', '#giveaway', '#airdrop', '#bitcoin', '#free', '#NFT', '#win'],
  hour: (h) => (h === 0 ? 'midnight' : h < 12 ? `${h}am` : h === 12 ? 'noon' : `${h - 12}pm`),
};

const fr: PhraseBank = {
  openers: {
    complaint: [
      '',
      '',
      '',
      'Sérieusement',
      'Incroyable.',
      'Pfff.',
      'Franchement',
      'Troisième fois cette semaine :',
      'Génial.',
      'Bon.',
      'Ras le bol.',
      'Encore.',
    ],
    question: [
      '',
      '',
      '',
      'Petite question :',
      'Bonjour',
      'Salut',
      'Quelqu’un sait',
      'À l’aide !',
      'Question bête mais',
      'Est-ce que quelqu’un peut me dire',
    ],
    praise: [
      '',
      '',
      '',
      'Il faut le dire :',
      'Agréablement surpris.',
      'Pour une fois,',
      'Bravo !',
      'Merci !',
      'Bon, je l’avoue,',
    ],
    neutral: ['', '', '', 'Tiens,', 'Apparemment', 'Je viens de voir que', 'Info du jour :', 'Bon,'],
    spam: ['', '🚨', '🔥🔥', '⚡ OFFRE LIMITÉE ⚡', '💸'],
    abuse: ['', '', 'Franchement', 'Écoutez', 'Sans rire,'],
  },
  complaints: {
    outage: [
      'plus d’internet depuis {hour} et {b} dit qu’il n’y a aucun incident à {city}',
      'encore une coupure. {b} qu’est-ce qui se passe à {city} ?',
      '{b} ma connexion saute toutes les 20 minutes, impossible de télétravailler',
      'soirée entière sans internet grâce à {b}',
      'panne {b} à {city} depuis {days} jours, aucune nouvelle',
      'la box {b} redémarre toute seule, voyant orange qui clignote',
    ],
    billing: [
      '{b} m’a prélevé deux fois ce mois-ci, {amount} € envolés',
      'ma facture {b} a augmenté de {amount} € sans aucun mail',
      'résilié chez {b} il y a {days} semaines et ils me facturent encore',
      '{b} m’a facturé un {product} que j’ai renvoyé',
      'c’est quoi ces « frais de service » de {amount} € sur ma facture {b} ??',
    ],
    support: [
      'en attente avec le service client {b} depuis {mins} minutes',
      'troisième fois que j’explique le même problème au support {b}, dossier {ticket} toujours ouvert',
      'le chat {b} m’a raccroché au nez. Encore.',
      '{b} devait me rappeler il y a {days} jours. J’attends toujours.',
      'chaque conseiller {b} me dit quelque chose de différent',
    ],
    delivery: [
      'mon {product} {b} devait arriver il y a {days} jours, le suivi ne bouge pas',
      '{b} m’a envoyé le mauvais {product}, encore une semaine à attendre',
      'il est où mon {product} {b} ? commande {ticket}',
      'le livreur {b} a marqué mon colis livré. Il ne l’est pas.',
    ],
    speed: [
      'je paie {b} pour 1 Gb et j’ai {mbps} Mb/s',
      'le débit {b} le soir c’est une blague, {mbps} Mb/s max',
      'impossible de regarder une série en HD avec {b} ce soir',
      'ping catastrophique sur {b} tous les soirs après 20h',
    ],
    install: [
      'le technicien {b} n’est jamais venu. Journée de congé posée pour rien.',
      'installation {b} reportée pour la {days}e fois',
      'le technicien {b} a percé un trou et il est reparti. Toujours pas de ligne.',
    ],
    mobile: [
      'aucun réseau {b} à {city} depuis ce matin',
      'la 5G {b} à {city} est plus lente que ma vieille 3G',
      'les appels coupent sans arrêt avec {b}, impossible de bosser',
      '{amount} € de hors forfait {b} pour un week-end, vous plaisantez ?',
    ],
  },
  cores: {
    question: [
      'comment je change le mot de passe wifi de ma box {b} ?',
      'est-ce que la fibre {b} est dispo à {city} ?',
      'il y a une panne {b} à {city} en ce moment ?',
      'est-ce que je peux garder mon numéro si je passe chez {b} ?',
      'est-ce que le {product} {b} gère le wifi 6 ?',
      'combien de temps prend une installation {b} en général ?',
      '{b} comment récupérer ma dernière facture ?',
      'ça vaut le coup de passer à l’offre 2 Gb chez {b} ?',
      'c’est quoi le numéro du service client {b} maintenant ?',
      'est-ce que {b} fait des réductions étudiantes ?',
      '{b} comment activer le contrôle parental sur la box ?',
    ],
    praise: [
      'le support {b} a réglé mon problème en {mins} minutes',
      'passé chez {b} le mois dernier et le débit est 🔥',
      'la nouvelle appli {b} est vraiment bien',
      'technicien {b} à l’heure, sympa et efficace',
      '{b} m’a remboursé sans discuter',
      '{fast} Mb/s chez {b} ce soir, pas mal du tout',
      'zéro coupure en {days} semaines avec {b}',
      'la personne qui gère le compte {b} mérite une augmentation',
    ],
    neutral: [
      '{b} a ouvert une boutique à {city}',
      'vu une pub {b} dans le métro ce matin',
      'mes parents viennent de passer chez {b}',
      '{b} sponsorise le match ce soir',
      'la camionnette {b} est garée devant chez moi depuis une heure',
      '{b} a encore changé de logo ?',
      'nouveau {product} {b} reçu aujourd’hui',
    ],
    spam: [
      'Réclamez votre airdrop {b} GRATUIT avant la fin',
      'Concours {b} : gagnez un iPhone 16, suivez et RT',
      'J’ai gagné 4 870 € cette semaine avec ce robot de trading {b}',
      '3 mois {b} offerts avec ce lien',
    ],
    abuse: [
      '{b} bande de guignols',
      '{b} = une bande d’incapables',
      'le service client {b} c’est des clowns',
      'tais-toi {b}, personne ne vous croit',
      'lamentable. {b} vous devriez avoir honte',
    ],
  },
  extras: {
    complaint: [
      '',
      '',
      'Inadmissible.',
      'Je paie tous les mois pour ça.',
      'Personne ne répond au téléphone.',
      'Les enfants deviennent fous.',
      'J’ai une deadline demain.',
      'Réparez ça.',
      'Je vais résilier.',
    ],
    question: ['', '', 'Merci d’avance !', 'Je ne trouve rien sur le site.', 'L’appli ne dit rien.'],
    praise: ['', '', 'Bravo.', 'Je ne m’y attendais pas.', 'Je recommande.', 'Client content.'],
    neutral: ['', '', 'Intéressant.', 'Voilà voilà.', 'Bref.'],
    spam: ['', 'Plus que 100 places !', 'DM maintenant !', '24h seulement.', 'Lien ci-dessous 👇'],
    abuse: ['', '', 'Honteux.', 'Une blague.'],
  },
  closers: {
    complaint: ['', '', '', '#fail', '#serviceclient', 'Réglez ça.', '!!', '...', '🙄'],
    question: ['', '', '', '?', 'Merci', 'Merci !'],
    praise: ['', '', '', 'Merci !', '👏', '💯'],
    neutral: ['', '', '', 'mdr', 'bon', '🤷'],
    spam: ['', '', ''],
    abuse: ['', '', ''],
  },
  emoji: EMOJI,
  compare: {
    complaint: [
      'quitté {c} pour {b} et c’est encore pire',
      '{b} arrive à faire pire que {c}, chapeau',
      'j’aurais dû rester chez {c}. {b} en panne toute la semaine',
    ],
    question: [
      '{b} ou {c} pour la fibre à {city} ? Vous conseillez quoi ?',
      'je pense passer de {c} à {b}, des retours ?',
      '{b} est moins cher que {c} maintenant ?',
    ],
    praise: [
      'passé de {c} à {b}, deux fois plus rapide pour moins cher',
      '{b} > {c}, y a pas photo',
      'après 5 ans chez {c}, {b} c’est le jour et la nuit',
    ],
    neutral: [
      '{b} et {c} augmentent encore leurs prix',
      'pub {b} puis pub {c} à la télé, la guerre est déclarée',
      'guerre des prix entre {b} et {c} ?',
    ],
  },
  campaign: {
    complaint: [
      '{tag} ça a l’air bien mais {b} ne peut toujours pas l’installer à {city}',
      'inscrit pour {tag} il y a {days} semaines, toujours pas de date d’installation {b}',
      'des millions en pub {tag} et le service client {b} ne décroche toujours pas',
    ],
    question: [
      'quand est-ce que {tag} arrive à {city} ? {b}',
      '{tag} c’est vraiment 2 Gb symétrique ? {b}',
      '{b} comment vérifier l’éligibilité {tag} à mon adresse ?',
    ],
    praise: [
      '{tag} installée aujourd’hui, 2 Gb en descendant. Waouh {b}',
      '{tag} c’est pas une blague, {fast} Mb/s en wifi {b}',
      'enfin passé à {tag} ! Installation en {mins} minutes {b}',
    ],
    neutral: [
      'les pubs {tag} sont partout à {city}',
      '{b} lance {tag} aujourd’hui apparemment',
      'vu une affiche {tag} avec un lama dessus ??',
    ],
  },
  incident: {
    outage: [
      'panne {b} à {city} ?',
      '{b} en panne ? Plus d’internet à {city} depuis {hour}',
      'toute la rue est coupée à {city}, {b} il se passe quoi ?',
      'panne {b} à {city} ?? Box toute rouge',
      'quelqu’un d’autre à {city} sans internet {b} là ?',
      'encore en panne à {city}, {b} et rien sur la page d’état',
    ],
    mobile: [
      'plus de réseau {b} à {city}, c’est que moi ?',
      'le réseau mobile {b} est tombé à {city} ?',
      'impossible d’appeler avec {b} à {city} depuis {hour}',
    ],
    app: [
      'l’appli {b} refuse de me connecter, vous aussi ?',
      'appli {b} en panne ? « une erreur est survenue »',
    ],
    billing: [
      '{b} vient de me prélever deux fois ?? D’autres personnes ?',
      'facture {b} de {amount} € aujourd’hui, c’est un bug ?',
    ],
  },
  followUp: {
    complaint: [
      'Mise à jour : toujours rien. {b}',
      'Jour {days} et toujours en attente {b}',
      '{b} des nouvelles ??',
      'Toujours en panne. Génial. {b}',
      'et maintenant le chat dit « aucun conseiller disponible » {b}',
    ],
    question: ['personne ? {b}', '{b} je relance', 'toujours pas de réponse {b} ?', '{b} allô ??'],
    praise: ['et ça marche toujours parfaitement, encore merci {b}', 'une semaine plus tard, nickel {b}'],
    neutral: ['finalement ce n’était pas une camionnette {b}', 'bon, la pub {b} me plaît en fait'],
  },
  answerToBrand: {
    complaint: [
      'merci, DM envoyé',
      'déjà fait deux fois, toujours rien',
      'c’est ce que vous m’avez dit hier',
      'ok, box redémarrée. Aucun changement.',
      'dossier {ticket}, merci de regarder',
    ],
    question: ['parfait, merci !', 'ça a marché, merci', 'ok je teste', 'merci, DM envoyé'],
    praise: ['merci à vous ! 🙏', 'avec plaisir 😄', '👍'],
    neutral: ['haha ok', '👀', 'pas faux'],
  },
  products: ['routeur', 'box', 'modem fibre', 'carte SIM', 'décodeur TV', 'répéteur wifi', 'téléphone'],
  tags: ['#fibre', '#wifi', '#télétravail', '#serviceclient', '#internet', '#5G', '#lundi'],
  spamTags: ['#crypto', '#concours', '#airdrop', '#bitcoin', '#gratuit', '#NFT'],
  hour: (h) => `${h}h`,
};


export const PHRASES: Record<Lang, PhraseBank> = { en, fr };
