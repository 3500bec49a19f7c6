// Cosmos DB for NoSQL: one account, one database, one container per document family, each with
// the partition key the store adapter writes (docs/azure.md explains the choices). Keys are off:
// the app reaches the data plane with its managed identity through a SQL role assignment.

param location string
param accountName string
param databaseName string
@description('Serverless bills per RU consumed (small and spiky brands); provisioned autoscale suits steady millions a month.')
param serverless bool
@description('Database-level autoscale maximum RU/s; ignored when serverless.')
@minValue(1000)
param autoscaleMaxThroughput int
@description('Containers as { name, partitionKey, indexedPaths?, defaultTtl? }: partitionKey like "/pk"; indexedPaths (e.g. ["/stage/?"]) indexes only those paths, [] none (point reads only); absent = everything but /text.')
param containers array
param principalId string
param tags object

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
    options: serverless ? {} : { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } }
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: [container.partitionKey]
          kind: 'Hash'
          version: 2
        }
        defaultTtl: container.?defaultTtl ?? -1
        // Every indexed path costs write RUs; texts are read back, never filtered on.
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: map(container.?indexedPaths ?? ['/*'], path => { path: path })
          excludedPaths: container.?indexedPaths == null ? [{ path: '/text/?' }, { path: '/"_etag"/?' }] : [{ path: '/*' }]
        }
      }
    }
  }
]

// Cosmos DB Built-in Data Contributor (data plane; not an Azure RBAC role).
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, principalId, '00000000-0000-0000-0000-000000000002')
  properties: {
    principalId: principalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    scope: account.id
  }
}

output name string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
