// `npm run bench`: named figures, one per line (`name value unit`), medians of several runs.
import { benchEngine } from './engine';
import { printFigure } from './stats';

const only = process.argv[2];
if (!only || only === 'engine') for (const f of benchEngine()) printFigure(f);
