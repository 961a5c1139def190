import { readFileSync } from 'node:fs';

/**
 * A Popolo document in the style of Open Raadsinformatie's output, for tests: one council meeting
 * of "Gemeenteraad Voorbeeldstad" with a motion (votes per member and party), an amendment (counts
 * per party), a council proposal (totals only) and a motion not yet voted on.
 */
export const ORI_POPOLO_FIXTURE = readFileSync(new URL('./fixtures/ori-popolo.json', import.meta.url), 'utf8');

/**
 * The same council meeting as Open Raadsinformatie serves what it harvests from iBabs: numeric ids
 * and relations by id (`organization: 35138`, `group: 35201`), a numeric `identifier`, the motion
 * naming its vote events (`vote_events: [5501]`, the Popolo motion's own link), results as iBabs
 * writes them ("Motie aangenomen") or as ORI's result URIs (opengov#ResultFailed,
 * meeting/ResultKept), and "-" where iBabs has no text.
 */
export const ORI_IBABS_FIXTURE = readFileSync(new URL('./fixtures/ori-ibabs-popolo.json', import.meta.url), 'utf8');
