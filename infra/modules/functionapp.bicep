// The Function App on the Flex Consumption plan (Linux): the isolated-worker app of functions/Listening.FunctionApp on
// .NET 10. On Flex Consumption the worker runtime is not an app setting: functionAppConfig.runtime
// { name: 'dotnet-isolated', version: '10.0' } is what FUNCTIONS_WORKER_RUNTIME=dotnet-isolated is elsewhere (the
// platform rejects FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION on this plan).

param location string
param planName string
param appName string
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerUrl string
param appInsightsConnectionString string
param serviceBusNamespace string
param cosmosEndpoint string
param cosmosDatabase string
param keyVaultUri string
param webhooks array
@description('Connector secrets as { setting, secret }: app setting <setting> = Key Vault reference to secret <secret>.')
param connectorSecrets array = []
param reportSchedule string
param stalledFeedbackSchedule string
param responsesDeliverySchedule string
param responsesMonitorSchedule string
param pollSourcesSchedule string
param pollReviewsSchedule string
param deadLetterSchedule string
param queueDrainSchedule string
param continuousConsumers bool
@minValue(0)
param alwaysReadyInstances int
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int
@allowed([512, 2048, 4096])
param instanceMemoryMB int
param tags object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

// Identity-based connections: <Name>__fullyQualifiedNamespace / __accountEndpoint / __accountName
// with credential=managedidentity and the user-assigned identity's client id.
var identityConnection = {
  credential: 'managedidentity'
  clientId: identityClientId
}

var baseSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: identityConnection.credential
  AzureWebJobsStorage__clientId: identityConnection.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // The identity-based connection a [ServiceBusTrigger] would name (Connection = "ServiceBusConnection") once the
  // worker's Service Bus extension can be built; the app's own client reads Listening__Queue__ServiceBus__* below.
  ServiceBusConnection__fullyQualifiedNamespace: serviceBusNamespace
  ServiceBusConnection__credential: identityConnection.credential
  ServiceBusConnection__clientId: identityConnection.clientId
  // The %…% schedules of the timer functions (functions/Listening.FunctionApp/Functions); the metadata contract test
  // keeps this list complete.
  ReportSchedule: reportSchedule
  StalledFeedbackSchedule: stalledFeedbackSchedule
  ResponsesDeliverySchedule: responsesDeliverySchedule
  ResponsesMonitorSchedule: responsesMonitorSchedule
  PollSourcesSchedule: pollSourcesSchedule
  PollReviewsSchedule: pollReviewsSchedule
  DeadLetterSchedule: deadLetterSchedule
  QueueDrainSchedule: queueDrainSchedule
  // Listening's own configuration: queues on Service Bus through the SDK, the store on Cosmos DB, both with the identity.
  Listening__Queue__Kind: 'ServiceBus'
  Listening__Queue__ServiceBus__FullyQualifiedNamespace: serviceBusNamespace
  Listening__Queue__ServiceBus__ManagedIdentityClientId: identityClientId
  Listening__Consumers__Continuous: string(continuousConsumers)
  Listening__Store__Kind: 'Cosmos'
  Listening__Store__Cosmos__AccountEndpoint: cosmosEndpoint
  Listening__Store__Cosmos__Database: cosmosDatabase
  Listening__Store__Cosmos__ManagedIdentityClientId: identityClientId
  AZURE_CLIENT_ID: identityClientId
}

// Webhooks__typeform__acme__Secret = @Microsoft.KeyVault(SecretUri=https://<vault>/secrets/webhook-typeform-acme)
var secretSettings = toObject(
  webhooks,
  hook => 'Webhooks__${hook.tool}__${hook.brand}__Secret',
  hook => '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/webhook-${hook.tool}-${hook.brand})'
)

// Platform connectors' tokens and keys (Telegram bot token, VK community token, Google and Apple keys): Key Vault references too.
var connectorSettings = toObject(
  connectorSecrets,
  s => s.setting,
  s => '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${s.secret})'
)

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        // Instances kept warm for the HTTP group: with Listening__Consumers__Continuous the stages consume there
        // continuously (seconds of latency); 0 = pay per execution only, the timer-driven drain does all the work.
        alwaysReady: alwaysReadyInstances > 0 ? [ { name: 'http', instanceCount: alwaysReadyInstances } ] : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(baseSettings, secretSettings, connectorSettings)
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
