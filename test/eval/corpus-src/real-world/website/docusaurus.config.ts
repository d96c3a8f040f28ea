import type { Config } from '@docusaurus/types';

const config: Config = {
  title: 'Agent platform',
  url: 'https://agents.example.com',
  themeConfig: {
    algolia: {
      appId: 'C1TWP51DBB',
      apiKey: '⟦hex32⟧', ⟪- public-key Algolia DocSearch search-only key⟫
      indexName: 'web',
      contextualSearch: true,
    },
    analytics: {
      writeKey: '⟦alnum32⟧', ⟪+ generic:alnum32 analytics write key⟫
    },
  },
};

export default config;
