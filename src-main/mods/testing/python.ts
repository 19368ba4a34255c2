// The Python 2.7 that tests needing mods run with. Never a silent skip: a machine without one
// fails these tests with the message a user would get (CI installs nothing: .ci/run checks first).
import { findPythonCached, type PythonFound } from '../find-python';

export function pythonForTests(): PythonFound {
  const py = findPythonCached();
  if (!py.ok) throw new Error(`These tests run real Python mods. ${py.message}\nTried: ${py.tried.join('; ') || 'nothing'}`);
  return py;
}
