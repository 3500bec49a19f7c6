// Service Bus namespace and the queues between the pipeline stages. Duplicate detection makes a
// re-sent message (same MessageId) a no-op; a message that keeps failing is dead-lettered after
// maxDeliveryCount, and one that expires is dead-lettered rather than dropped.

param location string
param namespaceName string
@allowed(['Standard', 'Premium'])
param sku string
@description('Messaging units; used only with the Premium tier.')
@allowed([1, 2, 4, 8, 16])
param premiumCapacity int
param queueNames array
@minValue(1)
param maxDeliveryCount int
param duplicateDetectionWindow string
param messageTimeToLive string
param lockDuration string
param principalId string
param tags object

var roles = {
  dataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  dataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
}

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: sku
    tier: sku
    capacity: sku == 'Premium' ? premiumCapacity : null
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource queues 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [
  for queueName in queueNames: {
    parent: namespace
    name: queueName
    properties: {
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
      deadLetteringOnMessageExpiration: true
      maxDeliveryCount: maxDeliveryCount
      defaultMessageTimeToLive: messageTimeToLive
      lockDuration: lockDuration
      requiresSession: false
      enablePartitioning: false
    }
  }
]

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roles): {
    name: guid(namespace.id, principalId, role.value)
    scope: namespace
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
    }
  }
]

output name string = namespace.name
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
output endpoint string = namespace.properties.serviceBusEndpoint
