import abuseJson from '../models/abuse-en.json';
import englishJson from '../models/sentiment-en.json';
import frenchJson from '../models/sentiment-fr.json';
import type { Models } from './analyze';
import { LinearModel, type LinearModelJson } from './linear-model';

/** The product's trained models (libs/api/enrichment/src/models, written by `npm run train:sentiment`). */

let loaded: Models | null = null;

export function productModels(): Models {
  loaded ??= {
    en: LinearModel.fromJSON(englishJson as LinearModelJson),
    fr: LinearModel.fromJSON(frenchJson as LinearModelJson),
    abuse: LinearModel.fromJSON(abuseJson as LinearModelJson),
  };
  return loaded;
}
