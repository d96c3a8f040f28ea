import Groq from 'groq-sdk';
import { HfInference, InferenceClient } from '@huggingface/inference';
import Replicate from 'replicate';
import { Mistral } from '@mistralai/mistralai';
import { CohereClient } from 'cohere-ai';
import Together from 'together-ai';
import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';
import { createClient as createDeepgram } from '@deepgram/sdk';

export const groq = new Groq({ apiKey: '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' });
export const hf = new HfInference('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');
export const hfClient = new InferenceClient('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');
export const hfOrg = new HfInference('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');
export const replicate = new Replicate({ auth: 'r8_J8a3UYNbCQT4k0S4ZvzSbNMFUbmnbOjkhXvM0' });
export const mistral = new Mistral({ apiKey: 'vJYiHh5Nvy6otpSkkQK8LtDZBiQ8Ly3s' });
export const cohere = new CohereClient({ token: 'E5XfzJmdBEQJNE9EfqtP8pSCVGIfayxur2UX4NBe' });
export const together = new Together({ apiKey: '92726d449d24750d07cf97b4c8e29cf0bb6601a801c14dcc1afbeba2fb1e3c71' });
export const eleven = new ElevenLabsClient({ apiKey: 'sk_4b07415ead6a51f02830faaac37bf257d99dc59bea9272fa' });
export const deepgram = createDeepgram('f0020bf8122a711f1a6edde8adeba5cea217efee');

export const groqFromEnv = new Groq({ apiKey: process.env.GROQ_API_KEY });
export const hfFromEnv = new HfInference(process.env.HF_TOKEN);
export const replicateDocs = new Replicate({ auth: 'r8_...' });

export const MODELS = {
  llama: 'meta-llama/Llama-3.1-70B-Instruct',
  flux: 'black-forest-labs/flux-schnell:774b88cad1fa82813fa26ed9d0ccb873495239c4935e00d1160ceb0d495b463a',
  whisper: 'openai/whisper-large-v3-turbo',
  embed: 'sentence-transformers/all-MiniLM-L6-v2',
  voice: '21m00Tcm4TlvDq8ikWAM',
};

export async function transcribe(url: string) {
  return hf.automaticSpeechRecognition({ model: MODELS.whisper, data: await (await fetch(url)).blob() });
}
