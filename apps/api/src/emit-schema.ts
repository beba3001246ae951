import 'reflect-metadata';
import { createSchema, SCHEMA_FILE } from './schema';
import { createAppPubSub } from './shared/pubsub';

/** Writes packages/schema/schema.graphql from the resolvers: the contract the web app builds on. */
createSchema(createAppPubSub().pubsub, true)
  .then(() => process.stdout.write(`Schema written to ${SCHEMA_FILE}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
