import { useState } from 'react';
import { Elements } from '@stripe/react-stripe-js';
import { loadStripe } from '@stripe/stripe-js';
import { CopilotKit } from '@copilotkit/react-core';
import { AssistantChat } from './AssistantChat';

const stripePromise = loadStripe('pk_live_5199UAXjlkQXT3TzUPUPVfif3WFZa0xNj1doT6XLCBC5Y7Riaia9KEbl8fQLPm3vb88X8SyBMXnodSELhe7SjTUUHRQE56Uyp0X');

export function ChatWidget({ user }: { user: { id: string } }) {
  const [draft, setDraft] = useState('');
  return (
    <Elements stripe={stripePromise}>
      <CopilotKit publicApiKey="ck_pub_66cd1c75fb87f5e9807d669a18beeb09" runtimeUrl="/api/copilotkit">
        <AssistantChat
          apiKey="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"
          model="gpt-4o-mini"
          userId={user.id}
          sessionToken={'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyXzg0NDg3NCIsIm9yZyI6ImFjbWUtMWE3MmE2IiwiaWF0IjoxNzM1Njg5NjAwLCJleHAiOjE3NjcyMjU2MDAsInNjb3BlIjoiYWdlbnRzOnJ1biB0b29sczppbnZva2UifQ.IIhcrgKnjZTsdASNfc3XS0HfhTHtbOzItINl1oNhJAw'}
          placeholder="Paste your API key (sk-...)"
        />
        <input type="password" name="apiKey" autoComplete="off" placeholder="sk-proj-..." value={draft} onChange={(e) => setDraft(e.target.value)} />
        <label htmlFor="apiKey">OpenAI API key</label>
        <ElevenLabsVoice apiKey={'sk_c2f580459085d48068dd64b9b68676704b658f344ef6a025'} voiceId="pNInz6obpgDQGcFmaJgB" />
        <MapView googleMapsApiKey="AIzaSy11m5qAMlZCFxC4C7RMXH4-U8rina2eiPz" />
        <Avatar src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAo5UZbJzhUIsE2HHzPasUzPCc5Zuwpi0xv+6Vl6xxrbhj2l/W6snYgKuQJk/nFzalU/WkF/W+sJ5URcxYC3JwgOwOoWf47MNw6XFyxEHfYkDZS/HZ6Zkb228mkDdvWVXRyb8p68U+JUOa1a8gYm9lDkH/B+Azy7lQvlg+ClEt6um6ihiJbFVmAAAAAElFTkSuQmCC" alt="assistant" />
        <Turnstile siteKey="0x4AAAAAAAwktswdNc78ig8juEvOXXk7Kh" />
      </CopilotKit>
    </Elements>
  );
}

declare function ElevenLabsVoice(props: { apiKey: string; voiceId: string }): JSX.Element;
declare function MapView(props: { googleMapsApiKey: string }): JSX.Element;
declare function Avatar(props: { src: string; alt: string }): JSX.Element;
declare function Turnstile(props: { siteKey: string }): JSX.Element;
