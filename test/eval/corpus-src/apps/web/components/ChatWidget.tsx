import { useState } from 'react';
import { Elements } from '@stripe/react-stripe-js';
import { loadStripe } from '@stripe/stripe-js';
import { CopilotKit } from '@copilotkit/react-core';
import { AssistantChat } from './AssistantChat';

const stripePromise = loadStripe('⟦pk-live⟧'); ⟪- non-secret-id publishable key⟫

export function ChatWidget({ user }: { user: { id: string } }) {
  const [draft, setDraft] = useState('');
  return (
    <Elements stripe={stripePromise}>
      <CopilotKit publicApiKey="ck_pub_⟦md5⟧" runtimeUrl="/api/copilotkit"> ⟪- non-secret-id CopilotKit public key⟫
        <AssistantChat
          apiKey="⟦openai-proj⟧" ⟪+ key:openai/openai-proj JSX prop⟫
          model="gpt-4o-mini" ⟪- model-id model id⟫
          userId={user.id}
          sessionToken={'⟦jwt-user⟧'} ⟪+ generic:jwt session JWT in a JSX expression⟫
          placeholder="Paste your API key (sk-...)" ⟪- placeholder placeholder text⟫
        />
        <input type="password" name="apiKey" autoComplete="off" placeholder="sk-proj-..." value={draft} onChange={(e) => setDraft(e.target.value)} /> ⟪- placeholder input placeholder⟫
        <label htmlFor="apiKey">OpenAI API key</label>
        <ElevenLabsVoice apiKey={'⟦elevenlabs⟧'} voiceId="pNInz6obpgDQGcFmaJgB" /> ⟪+ generic:elevenlabs JSX expression prop⟫
        <MapView googleMapsApiKey="⟦google⟧" /> ⟪+ key:google-api-key Maps key prop⟫
        <Avatar src="⟦png-base64⟧" alt="assistant" /> ⟪- base64-image data URI⟫
        <Turnstile siteKey="0x4AAAAAAA⟦alnum24⟧" /> ⟪- non-secret-id Turnstile site key (public)⟫
      </CopilotKit>
    </Elements>
  );
}

declare function ElevenLabsVoice(props: { apiKey: string; voiceId: string }): JSX.Element;
declare function MapView(props: { googleMapsApiKey: string }): JSX.Element;
declare function Avatar(props: { src: string; alt: string }): JSX.Element;
declare function Turnstile(props: { siteKey: string }): JSX.Element;
