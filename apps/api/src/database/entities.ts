import { IDENTITY_ENTITIES } from '@ecoute/api-identity';
import { INGESTION_ENTITIES } from '@ecoute/api-ingestion';
import { ROUTING_ENTITIES } from '@ecoute/api-routing';
import { INBOX_ENTITIES } from '@ecoute/api-inbox';
import { ANALYTICS_ENTITIES } from '@ecoute/api-analytics';

/** Every library's entities, for the DataSource and the migrations. */
export const ENTITIES = [...IDENTITY_ENTITIES, ...INGESTION_ENTITIES, ...ROUTING_ENTITIES, ...INBOX_ENTITIES, ...ANALYTICS_ENTITIES];
