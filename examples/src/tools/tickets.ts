export interface Ticket {
  id: string;
  subject: string;
  status: 'open' | 'pending' | 'closed';
}

const TICKETS_API = process.env.TICKETS_API_URL ?? 'https://tickets.internal.example.com/api';

export async function searchTickets(query: string): Promise<Ticket[]> {
  const response = await fetch(`${TICKETS_API}/search?q=${encodeURIComponent(query)}`, {
    headers: { Authorization: `Bearer ${process.env.TICKETS_API_TOKEN}` },
  });
  if (!response.ok) throw new Error(`ticket search failed: ${response.status}`);
  return (await response.json()) as Ticket[];
}
