import { seedDemo, seedDemoCitizenVoice, DEMO_ORGANIZATION_SLUG } from '../../modules/demo';
import { EXIT, println, type Command } from './io';
import { withApp } from './with-app';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'add the demo municipality "Gemeente Voorbeeldstad"',
  usage: 'helder seed --demo\n\nAdds the demo municipality unless it is already there.',
  run: async (args, io) => {
    if (args.length !== 1 || args[0] !== '--demo') {
      println(io.stderr, 'usage: helder seed --demo');
      return EXIT.usage;
    }
    return withApp(io, async (app) => {
      const { created, organizationId } = await seedDemo(app.deps);
      // Poll answers and reactions come after, as citizens' own writes (idempotent per change).
      if (created) await seedDemoCitizenVoice(app.deps, organizationId);
      println(io.stdout, created ? `Demo municipality created (slug: ${DEMO_ORGANIZATION_SLUG}).` : `Demo municipality already present (slug: ${DEMO_ORGANIZATION_SLUG}); nothing changed.`);
      return EXIT.ok;
    });
  },
};
