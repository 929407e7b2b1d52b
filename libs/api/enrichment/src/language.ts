const FRENCH = new Set(['le', 'la', 'les', 'des', 'est', 'et', 'je', 'vous', 'pas', 'une', 'un', 'pour', 'avec', 'mon', 'ma', 'mes', 'sur', 'dans', 'que', 'qui', 'ça', 'ce', 'c\'est', 'depuis', 'encore', 'toujours', 'merci', 'très', 'au', 'du']);
const ENGLISH = new Set(['the', 'a', 'an', 'is', 'and', 'i', 'you', 'not', 'for', 'with', 'my', 'on', 'in', 'that', 'who', 'it', 'this', 'since', 'still', 'again', 'thanks', 'very', 'to', 'of', 'my', 'me']);

/**
 * The platform's own language tag when it has one; otherwise a stop-word vote between English and French.
 * (A real detector comes with the "understanding mentions" issue.)
 */
export function detectLanguage(text: string, platformLanguage: string | null): string | null {
  if (platformLanguage) return platformLanguage;
  let fr = 0;
  let en = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}']+/u)) {
    if (FRENCH.has(word)) fr++;
    if (ENGLISH.has(word)) en++;
  }
  if (fr === 0 && en === 0) return null;
  return fr > en ? 'fr' : 'en';
}
