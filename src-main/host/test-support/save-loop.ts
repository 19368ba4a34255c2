// Child for the atomic-save crash test: saves ever-new versions of a large project to argv[2]
// until killed. Each version's description is one repeated digit, so a reader can tell a whole
// version from a torn one.
import { writeProjectFile } from '../files/project-file';
import { emptyProject } from '../document';

const target = process.argv[2];
const size = Number(process.argv[3] ?? 8_000_000);

for (let i = 1; ; i++) {
  const project = { ...emptyProject(`v${i}`), description: String(i % 10).repeat(size) };
  process.stdout.write(`saving ${i}\n`);
  await writeProjectFile(target, project);
  process.stdout.write(`saved ${i}\n`);
}
