import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../../src/db/connect';

/** Connects mongoose to a fresh, uniquely named database for one test file. */
export async function connectTestDatabase(): Promise<string> {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is unset: run tests through jest (globalSetup)');
  const dbName = `test_${randomBytes(6).toString('hex')}`;
  await connectDatabase(uri, { dbName, serverSelectionTimeoutMS: 3000 });
  return dbName;
}

export async function dropTestDatabase(): Promise<void> {
  if (mongoose.connection.readyState === mongoose.ConnectionStates.connected) {
    await mongoose.connection.dropDatabase();
  }
  await disconnectDatabase();
}
