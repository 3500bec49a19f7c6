// The Function App on the Flex Consumption plan (Linux), running the `listening` executable as an
// Azure Functions custom handler. On Flex Consumption the worker runtime is not an app setting:
// functionAppConfig.runtime { name: 'custom' } is what FUNCTIONS_WORKER_RUNTIME=Custom is elsewhere
// (the platform rejects FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION on this plan).

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
param reportSchedule string
param stalledFeedbackSchedule string
param responsesDeliverySchedule string
param responsesMonitorSchedule string
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
  ServiceBusConnection__fullyQualifiedNamespace: serviceBusNamespace
  ServiceBusConnection__credential: identityConnection.credential
  ServiceBusConnection__clientId: identityConnection.clientId
  CosmosDbConnection__accountEndpoint: cosmosEndpoint
  CosmosDbConnection__credential: identityConnection.credential
  CosmosDbConnection__clientId: identityConnection.clientId
  // The %…% schedules in the timer functions' function.json (BuildActionMatrix, RequeueStalledFeedback,
  // DeliverResponses, MonitorResponses); the contract test keeps this list complete.
  ReportSchedule: reportSchedule
  StalledFeedbackSchedule: stalledFeedbackSchedule
  ResponsesDeliverySchedule: responsesDeliverySchedule
  ResponsesMonitorSchedule: responsesMonitorSchedule
  // Read by the handler itself (Listening's own configuration, not the Functions host's).
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
      }
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(baseSettings, secretSettings)
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
