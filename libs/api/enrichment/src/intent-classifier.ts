import type { Intent, SentimentDto } from '@ecoute/contracts';

const QUESTION_START =
  /^(?:@\w+\s+)*(how|why|what|when|where|who|which|can|could|does|do|is|are|will|should|anyone|any idea|comment|pourquoi|quand|où|ou|qui|quel|quelle|quels|quelles|est-ce|est ce|savez-vous|vous savez|peut-on|pouvez-vous|y a-t-il)\b/iu;
const COMPLAINT =
  /\b(down|outage|broken|not working|doesn't work|does not work|no signal|no internet|refund|overcharged|charged twice|still waiting|worst|terrible|awful|useless|scam|cancel|cancelling|disconnected|slow|lag|panne|coupé|coupure|remboursement|toujours pas|arnaque|nul|lent|lente|inadmissible|scandale|résilier|facturé|bug|plantage|ne marche pas|ne fonctionne pas|fonctionne plus|marche plus)\b/iu;
const PRAISE = /\b(thanks|thank you|love|great|awesome|amazing|best|kudos|shoutout|merci|bravo|génial|top|super|excellent|parfait|adore)\b/iu;
const SPAM = /\b(giveaway|airdrop|crypto|free followers|promo code|click here|dm me|earn \$|gagnez|concours|bitcoin|nft)\b/iu;
const ABUSE = /\b(idiots?|stupid|morons?|clowns?|trash|garbage|shut up|crétins?|débiles?|connards?|abrutis?|nuls à chier|ta gueule)\b/iu;

/** Rule-based intents: complaint, question, praise, spam, abuse. A post may carry several. */
export function classifyIntents(text: string, sentiment: SentimentDto): { intents: Intent[]; isAbuse: boolean } {
  const intents: Intent[] = [];
  const isSpam = SPAM.test(text) && /https?:\/\//.test(text);
  if (isSpam) return { intents: ['spam'], isAbuse: false };
  const isAbuse = ABUSE.test(text);
  if (isAbuse) intents.push('abuse');
  if (text.includes('?') || QUESTION_START.test(text.trim())) intents.push('question');
  if (COMPLAINT.test(text) || (sentiment.label === 'negative' && sentiment.score <= -0.3)) intents.push('complaint');
  if (PRAISE.test(text) && sentiment.label === 'positive') intents.push('praise');
  return { intents, isAbuse };
}
