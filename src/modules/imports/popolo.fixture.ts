import { readFileSync } from 'node:fs';

/**
 * A Popolo document in the style of Open Raadsinformatie's output, for tests: one council meeting
 * of "Gemeenteraad Voorbeeldstad" with a motion (votes per member and party), an amendment (counts
 * per party), a council proposal (totals only) and a motion not yet voted on.
 */
export const ORI_POPOLO_FIXTURE = readFileSync(new URL('./fixtures/ori-popolo.json', import.meta.url), 'utf8');
