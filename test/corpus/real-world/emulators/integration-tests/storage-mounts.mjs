// Integration test against local emulators: their keys are published and the same on every machine.
const azuriteImage = process.env.SANDBOX_STORAGE_AZURITE_IMAGE ?? 'mcr.microsoft.com/azure-storage/azurite';
const azureAccountName = 'devstoreaccount1';
const azureAccountKey =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const cosmosKey = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
const googleApiKey = 'AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe';
const awsSecretAccessKey = 'wJalrXUtnFEMIJK7MDENG/bPxRfiCYEXAMPLEKEY';
const awsAccessKeyId = 'AKIAHOSFODNN7EXAMPLE';
const deployerPrivateKey = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

// The production storage account is another matter.
const productionAccountKey = 'lSVv1zhzQVnKVVHXEVniOfw5RntIg6Al8oQ5rGibNmI=';

export const config = { azuriteImage, azureAccountName, azureAccountKey, cosmosKey, googleApiKey, awsSecretAccessKey, awsAccessKeyId, deployerPrivateKey, productionAccountKey };
