// Integration test against local emulators: their keys are published and the same on every machine.
const azuriteImage = process.env.SANDBOX_STORAGE_AZURITE_IMAGE ?? 'mcr.microsoft.com/azure-storage/azurite';
const azureAccountName = 'devstoreaccount1';
const azureAccountKey =
  '⟦azurite-key⟧'; ⟪- example-key Azurite emulator account key⟫
const cosmosKey = '⟦cosmos-emulator-key⟧'; ⟪- example-key Cosmos DB emulator key⟫
const googleApiKey = '⟦google-docs-key⟧'; ⟪- example-key Google Cloud documentation example key⟫
const awsSecretAccessKey = '⟦aws-doc-secret-changed⟧'; ⟪- example-key AWS documentation secret key with a character changed⟫
const awsAccessKeyId = '⟦aws-doc-akid-changed⟧'; ⟪- example-key AWS documentation access key id with a character changed⟫
const deployerPrivateKey = '⟦hardhat-key⟧'; ⟪- example-key Hardhat/Anvil development account⟫

// The production storage account is another matter.
const productionAccountKey = '⟦b64-44⟧'; ⟪+ generic:b64-44 production storage account key⟫

export const config = { azuriteImage, azureAccountName, azureAccountKey, cosmosKey, googleApiKey, awsSecretAccessKey, awsAccessKeyId, deployerPrivateKey, productionAccountKey };
