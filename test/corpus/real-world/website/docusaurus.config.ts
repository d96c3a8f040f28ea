import type { Config } from '@docusaurus/types';

const config: Config = {
  title: 'Agent platform',
  url: 'https://agents.example.com',
  themeConfig: {
    algolia: {
      appId: 'C1TWP51DBB',
      apiKey: 'c789766591ebf4715cc66790e9a393a6',
      indexName: 'web',
      contextualSearch: true,
    },
    analytics: {
      writeKey: 'TcuOhdmxrho9WG2G3oY56DUtLP7q3QT2',
    },
  },
};

export default config;
