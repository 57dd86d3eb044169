/** A relay process with `testProfile`'s limits (cheap argon2, no registration or sign-in limit), for stories run against a cluster. */
import { runRelayProcess, testProfile } from './relay-entry';

void runRelayProcess(testProfile);
