import Groq from 'groq-sdk';
import { HfInference, InferenceClient } from '@huggingface/inference';
import Replicate from 'replicate';
import { Mistral } from '@mistralai/mistralai';
import { CohereClient } from 'cohere-ai';
import Together from 'together-ai';
import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';
import { createClient as createDeepgram } from '@deepgram/sdk';

export const groq = new Groq({ apiKey: '⟦groq⟧' }); ⟪+ key:groq Groq client⟫
export const hf = new HfInference('⟦hf⟧'); ⟪+ key:huggingface HfInference positional token⟫
export const hfClient = new InferenceClient('⟦hf⟧'); ⟪+ key:huggingface InferenceClient positional token⟫
export const hfOrg = new HfInference('⟦hf-org⟧'); ⟪+ key:huggingface/hf-org org API token⟫
export const replicate = new Replicate({ auth: '⟦replicate⟧' }); ⟪+ key:replicate Replicate auth⟫
export const mistral = new Mistral({ apiKey: '⟦mistral⟧' }); ⟪+ generic:mistral Mistral SDK apiKey⟫
export const cohere = new CohereClient({ token: '⟦cohere⟧' }); ⟪+ generic:cohere Cohere SDK token⟫
export const together = new Together({ apiKey: '⟦together⟧' }); ⟪+ generic:together Together SDK apiKey⟫
export const eleven = new ElevenLabsClient({ apiKey: '⟦elevenlabs⟧' }); ⟪+ generic:elevenlabs ElevenLabs key⟫
export const deepgram = createDeepgram('⟦deepgram⟧'); ⟪+ generic:deepgram Deepgram key passed positionally⟫

export const groqFromEnv = new Groq({ apiKey: process.env.GROQ_API_KEY }); ⟪- env-read env read⟫
export const hfFromEnv = new HfInference(process.env.HF_TOKEN); ⟪- env-read env read⟫
export const replicateDocs = new Replicate({ auth: 'r8_...' }); ⟪- placeholder r8_...⟫

export const MODELS = {
  llama: 'meta-llama/Llama-3.1-70B-Instruct', ⟪- model-id Hugging Face model id⟫
  flux: 'black-forest-labs/flux-schnell:⟦sha256⟧', ⟪- hash Replicate model version⟫
  whisper: 'openai/whisper-large-v3-turbo', ⟪- model-id model id⟫
  embed: 'sentence-transformers/all-MiniLM-L6-v2', ⟪- model-id model id⟫
  voice: '21m00Tcm4TlvDq8ikWAM', ⟪- non-secret-id ElevenLabs voice id⟫
};

export async function transcribe(url: string) {
  return hf.automaticSpeechRecognition({ model: MODELS.whisper, data: await (await fetch(url)).blob() });
}
