// Listening on Azure: a Flex Consumption Function App (isolated worker, .NET 10), Service Bus queues between the
// pipeline stages (used through the Azure.Messaging.ServiceBus SDK), Cosmos DB as the store, Key Vault for webhook
// secrets, Application Insights for telemetry. Everything authenticates with one user-assigned
// managed identity; no connection string or account key is created or stored.
//
//   az deployment group create -g <rg> -f infra/main.bicep -p baseName=<name>
//
// See docs/azure.md for the full deployment, app settings and cost model.

targetScope = 'resourceGroup'

@description('Short lowercase prefix for every resource name.')
@minLength(3)
@maxLength(11)
param baseName string = 'listening'

@description('Region for every resource (must offer the Flex Consumption plan).')
param location string = resourceGroup().location

@description('Makes globally unique names (storage, Cosmos DB, Service Bus, Key Vault, app) stable per resource group.')
param nameSuffix string = uniqueString(resourceGroup().id)

@description('Flex Consumption: maximum instances the app may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Flex Consumption: instance memory in MB (2048 is the default 1-vCPU size).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Service Bus tier. Standard suits up to a few million messages a month; Premium gives dedicated messaging units.')
@allowed(['Standard', 'Premium'])
param serviceBusSku string = 'Standard'

@description('Service Bus Premium messaging units (about 4 MB/s each).')
@allowed([1, 2, 4, 8, 16])
param serviceBusPremiumCapacity int = 1

@description('Deliveries before a message is dead-lettered (a stage that throws abandons the message; it comes back with DeliveryCount + 1).')
@minValue(1)
param maxDeliveryCount int = 10

@description('Cosmos DB serverless (pay per RU) or provisioned autoscale.')
param cosmosServerless bool = true

@description('Cosmos DB autoscale maximum RU/s for the database (provisioned mode only).')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 4000

@description('Webhook endpoints as { tool, brand } (tool: typeform, surveymonkey, formbricks, qualtrics, google-forms, generic, mention): each gets app setting Webhooks__<tool>__<brand>__Secret from Key Vault secret "webhook-<tool>-<brand>".')
param webhooks array = []

@description('Platform connector secrets kept in Key Vault, as app settings that reference them: [{ setting: \'Webhooks__telegram__acme__ApiToken\', secret: \'telegram-acme-token\' }, { setting: \'Channels__GooglePlay__acme__ServiceAccountJson\', secret: \'googleplay-acme-key\' }] (docs/channels.md).')
param connectorSecrets array = []

@description('Key Vault purge protection (cannot be turned off once on).')
param keyVaultPurgeProtection bool = true

@description('NCRONTAB schedule of the BuildActionMatrix timer (app setting ReportSchedule); daily at 06:00 UTC by default.')
param reportSchedule string = '0 0 6 * * *'

@description('NCRONTAB schedule of the RequeueStalledFeedback timer (app setting StalledFeedbackSchedule).')
param stalledFeedbackSchedule string = '0 */1 * * * *'

@description('NCRONTAB schedule of the DeliverResponses timer (app setting ResponsesDeliverySchedule): how often the response outbox is sent. Every minute here (locally every 5 s); a seconds-level timer would keep a Flex instance busy around the clock.')
param responsesDeliverySchedule string = '0 */1 * * * *'

@description('NCRONTAB schedule of the MonitorResponses timer (app setting ResponsesMonitorSchedule).')
param responsesMonitorSchedule string = '0 */5 * * * *'

@description('NCRONTAB schedule of the PollSources timer (app setting PollSourcesSchedule): review pages and feeds re-read.')
param pollSourcesSchedule string = '0 */15 * * * *'

@description('NCRONTAB schedule of the PollReviews timer (app setting PollReviewsSchedule): Google Play, App Store and Google Business Profile reviews polled.')
param pollReviewsSchedule string = '0 */5 * * * *'

@description('NCRONTAB schedule of the RecordDeadLetters timer (app setting DeadLetterSchedule): items of dead-lettered messages marked.')
param deadLetterSchedule string = '0 */1 * * * *'

@description('NCRONTAB schedule of the ScoreFeedback and RespondToAuthor drains (app setting QueueDrainSchedule): how often each stage drains its queue. The latency of an item is at most about two periods.')
param queueDrainSchedule string = '*/10 * * * * *'

@description('Also consume the queues continuously on the instances that are alive (Listening__Consumers__Continuous); pair with alwaysReadyInstances for seconds of latency.')
param continuousConsumers bool = false

@description('Flex Consumption always-ready instances for the HTTP group (0 = none: pay per execution only).')
@minValue(0)
param alwaysReadyInstances int = 0

@description('Log Analytics retention in days.')
@minValue(30)
param logRetentionInDays int = 30

param tags object = { app: 'listening' }

var names = {
  identity: 'id-${baseName}-${nameSuffix}'
  plan: 'plan-${baseName}-${nameSuffix}'
  app: 'func-${baseName}-${nameSuffix}'
  storage: take('st${replace(baseName, '-', '')}${nameSuffix}', 24)
  serviceBus: 'sb-${baseName}-${nameSuffix}'
  cosmos: 'cosmos-${baseName}-${nameSuffix}'
  keyVault: take('kv-${baseName}-${nameSuffix}', 24)
  logAnalytics: 'log-${baseName}-${nameSuffix}'
  appInsights: 'appi-${baseName}-${nameSuffix}'
}

// The queues between the stages (PipelineQueues in functions/Listening.Pipeline; the metadata contract test compares).
var queueNames = ['feedback-ingested', 'feedback-scored']

// The containers (docs/azure.md, "Cosmos DB containers"), all written by the Cosmos DB adapters
// (functions/Listening/Storage/Cosmos, functions/Listening/Responses/Cosmos): feedback and aggregates; reports by
// BuildActionMatrix; responses (loyalty ledgers, decisions, outbox). indexedPaths: only what queries filter or sort on is indexed,
// which keeps write RUs down (and keeps message payloads and texts out of the index); [] = point reads only.
var cosmosDatabase = 'listening'
var cosmosContainers = [
  { name: 'feedback', partitionKey: '/pk', indexedPaths: ['/pk/?', '/stage/?', '/createdUtc/?', '/updatedUtc/?', '/author/id/?'] }
  { name: 'aggregates', partitionKey: '/pk', indexedPaths: [] }
  { name: 'reports', partitionKey: '/brand', indexedPaths: ['/brand/?', '/to/?'] }
  {
    name: 'responses'
    partitionKey: '/pk'
    indexedPaths: ['/pk/?', '/type/?', '/status/?', '/nextAttemptUtc/?', '/leaseUntilUtc/?', '/authorId/?', '/createdUtc/?', '/repliedUtc/?', '/reachable/?']
  }
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    retentionInDays: logRetentionInDays
    principalId: identity.properties.principalId
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    storageAccountName: names.storage
    deploymentContainerName: 'app-package'
    principalId: identity.properties.principalId
    tags: tags
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'serviceBus'
  params: {
    location: location
    namespaceName: names.serviceBus
    sku: serviceBusSku
    premiumCapacity: serviceBusPremiumCapacity
    queueNames: queueNames
    maxDeliveryCount: maxDeliveryCount
    duplicateDetectionWindow: 'PT1H'
    messageTimeToLive: 'P14D'
    lockDuration: 'PT1M'
    principalId: identity.properties.principalId
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: names.cosmos
    databaseName: cosmosDatabase
    serverless: cosmosServerless
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    containers: cosmosContainers
    principalId: identity.properties.principalId
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    vaultName: names.keyVault
    principalId: identity.properties.principalId
    enablePurgeProtection: keyVaultPurgeProtection
    tags: tags
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    location: location
    planName: names.plan
    appName: names.app
    identityId: identity.id
    identityClientId: identity.properties.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    serviceBusNamespace: serviceBus.outputs.fullyQualifiedNamespace
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: cosmos.outputs.databaseName
    keyVaultUri: keyVault.outputs.uri
    webhooks: webhooks
    connectorSecrets: connectorSecrets
    reportSchedule: reportSchedule
    stalledFeedbackSchedule: stalledFeedbackSchedule
    responsesDeliverySchedule: responsesDeliverySchedule
    responsesMonitorSchedule: responsesMonitorSchedule
    pollSourcesSchedule: pollSourcesSchedule
    pollReviewsSchedule: pollReviewsSchedule
    deadLetterSchedule: deadLetterSchedule
    queueDrainSchedule: queueDrainSchedule
    continuousConsumers: continuousConsumers
    alwaysReadyInstances: alwaysReadyInstances
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    tags: tags
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'
output identityClientId string = identity.properties.clientId
output identityPrincipalId string = identity.properties.principalId
output serviceBusNamespace string = serviceBus.outputs.fullyQualifiedNamespace
output cosmosEndpoint string = cosmos.outputs.endpoint
output cosmosDatabase string = cosmos.outputs.databaseName
output keyVaultName string = keyVault.outputs.name
output keyVaultUri string = keyVault.outputs.uri
output storageAccountName string = storage.outputs.name
output deploymentContainerUrl string = storage.outputs.deploymentContainerUrl
output appInsightsName string = monitoring.outputs.appInsightsName
