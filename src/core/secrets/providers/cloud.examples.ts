import type { ProviderExamples } from '../provider-types';

export const CLOUD_EXAMPLES: Record<string, ProviderExamples> = {
  'aws-access-key-id': {
    match: ['AKIA65D43B2JAGEE2STL', 'ASIA3WHM7LJDNX7CSFBZ', 'AKIATO7MLVDXLKY76DXS', 'ABIAS365A2FSYWBE6OSG', 'A3TXHIMWLB25RMVUQVCS'],
    noMatch: [
      'AKIAIOSFODNN7EXAMPLE',
      'ASIAIOSFODNN7EXAMPLE',
      'AKIAI44QH8DHBEXAMPLE',
      'AKIAXXXXXXXXXXXXXXXX',
      'AKIA1234567890123456',
      'ASIA-PACIFIC-REGION-NAME',
      'AKIA65D43B2JAGEE2ST',
      'ASIA3WHM7LJDNX7CSFBZQ',
      'akiato7mlvdxlky76dxs',
      'xAKIA65D43B2JAGEE2STL',
    ],
  },
  'aws-secret-access-key': {
    match: ['aws_secret_access_key = g2ZkwidZeAYJ2zaX3jXmGCtPJm9DGHQzwngzdTJF', 'secretAccessKey: "CjFt71zP2zhEYLX+KHS7e4ZVJEgQPcAD9+BlrJsF"', 'AWS_SECRET_ACCESS_KEY=x7TzI3d93OVwCCgp74UO2d6D+DO9gQPgT9dHnhF6', '"SecretAccessKey": "vj/pK+cQcC6fxzrI8+V5UbxcwXat5mg5q94vHtol",', 'aws.secret-access-key => \'n1hgUppLkDnEb6FoNTuDrgJ4Yt8kZgFlURO3asvL\'', 'aws configure set aws_secret_access_key "FJTdzgnwzQHGD9mJPtCGmXj3Xaz2JYAeZdiwkZ2g"'],
    secrets: ['g2ZkwidZeAYJ2zaX3jXmGCtPJm9DGHQzwngzdTJF', 'CjFt71zP2zhEYLX+KHS7e4ZVJEgQPcAD9+BlrJsF', 'x7TzI3d93OVwCCgp74UO2d6D+DO9gQPgT9dHnhF6', 'vj/pK+cQcC6fxzrI8+V5UbxcwXat5mg5q94vHtol', 'n1hgUppLkDnEb6FoNTuDrgJ4Yt8kZgFlURO3asvL', 'FJTdzgnwzQHGD9mJPtCGmXj3Xaz2JYAeZdiwkZ2g'],
    noMatch: [
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'g2ZkwidZeAYJ2zaX3jXmGCtPJm9DGHQzwngzdTJF',
      'aws_secret_access_key = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}',
      'secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY',
      'aws_secret_access_key = jFt71zP2zhEYLX+KHS7e4ZVJEgQPcAD9+BlrJsF',
      'aws_secret_access_key = x7TzI3d93OVwCCgp74UO2d6D+DO9gQPgT9dHnhF6Q',
      'mysecret_access_key = vj/pK+cQcC6fxzrI8+V5UbxcwXat5mg5q94vHtol',
    ],
  },
  'google-api-key': {
    match: ['AIzaSyZGEOzZVwCJf_9RinW2JIsLYLQyjyPTVjO', 'AIzaSyYFXdvcDXW6sMLpS_SDKOEgovsemXFWByV', 'AIzaSyXmiLLtul4Q1PtLuC48FUnTb1YhblMmDQA'],
    noMatch: [
      'AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'AIza...',
      'AIzaSyabcdefghijklmnopqrstuvwxyz1234567',
      'AIzaSyZGEOzZVwCJf_9RinW2JIsLYLQyjyPTVj',
      'AIzaSyYFXdvcDXW6sMLpS_SDKOEgovsemXFWByVx',
      'AIZASYXMILLTUL4Q1PTLUC48FUNTB1YHBLMMDQA',
    ],
  },
  'google-oauth-client-secret': {
    match: ['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', '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'],
    noMatch: ['GOCSPX-...', 'GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'GOCSPX-NaBYAILthStpgqrWQknWS5CnjF9', '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Q'],
  },
  'azure-ad-client-secret': {
    match: ['4jt0Q~FFW2_x7J2ylnhBHlEOUZghoHerqhLkdyAA', 'qI37Q~_9lVMPpckUR-Ot7ZIWDI.tW2GLH1Lfts3C', 'client_secret=IuA4Q~65fIix6B-m5u9Prrg15xJSGWbkqTMcs'],
    secrets: ['4jt0Q~FFW2_x7J2ylnhBHlEOUZghoHerqhLkdyAA', 'qI37Q~_9lVMPpckUR-Ot7ZIWDI.tW2GLH1Lfts3C', 'IuA4Q~65fIix6B-m5u9Prrg15xJSGWbkqTMcs'],
    noMatch: ['client_secret=bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~', 'abc8Q~short', '4jt0Q~FFW2_x7J2ylnhBHlEOUZghoHerqhLkdyAAx', 'qI3xQ~_9lVMPpckUR-Ot7ZIWDI.tW2GLH1Lfts3C'],
  },
  'digitalocean': {
    match: ['dop_v1_6cd2b06b48e2d7789d0adee51d46e8f93bae20127e097b454565a8d837537188', 'doo_v1_f9e3da6fcbbe0b06889cf7f81a94c4159d3b7ffd684a76d2e4ea3de395da1fd8', 'dor_v1_1662040b6e2d4550f89bb71c83d5d5895ffd8c158836f34e2486afbdd6f2ef3d'],
    noMatch: ['dop_v1_0000000000000000000000000000000000000000000000000000000000000000', 'dop_v1_...', 'dop_v1_6cd2b06b48e2d7789d0adee51d46e8f93bae20127e097b454565a8d83753718', 'doo_v1_f9e3da6fcbbe0b06889cf7f81a94c4159d3b7ffd684a76d2e4ea3de395da1fd8a'],
  },
  'heroku': {
    match: ['HRKU-AA42-UvL4KER06ibVJp1K_JHXZMx09SLzQ-5eMpG1M-7xSSHnzykiJq04u5i', 'HRKU-AAhnTPVrhwDziovl4TvVjCcm_FVe53PmnOLhyVz_WvaF0V0QMUkcv3MJinU5'],
    noMatch: ['HRKU-AA...', 'HRKU-AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'HRKU-AA42-UvL4KER06ibVJp1K_JHXZMx09SLzQ-5eMpG1M-7xSSHnzykiJq04u5'],
  },
};
