import type { ProviderExamples } from '../provider-types';

export const AGENT_TOOLS_EXAMPLES: Record<string, ProviderExamples> = {
  'tavily': {
    match: ['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', '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', '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'],
    noMatch: ['tvly-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'tvly-YOUR_API_KEY', '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', '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'],
  },
  'e2b': {
    match: ['e2b_9ec2ef46f7d7ddeaa9801feeae884c9eb24ad146', 'e2b_4f3aeac598a418f8c63e3d4591925138f2d92442'],
    noMatch: ['e2b_...', 'e2b_0000000000000000000000000000000000000000', 'e2b_9ec2ef46f7d7ddeaa9801feeae884c9eb24ad14'],
  },
  'firecrawl': {
    match: ['fc-7da289482daf8d17cf6d23d84a99f60f', 'fc-b7fd1f3515fff303613f5ccc0a6dd949'],
    noMatch: ['fc-YOUR_API_KEY', 'fc-00000000000000000000000000000000', 'rfc-7da289482daf8d17cf6d23d84a99f60f', 'fc-b7fd1f3515fff303613f5ccc0a6dd94'],
  },
};
