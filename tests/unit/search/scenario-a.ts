import { continuation, program } from './scripted';

/** Scenario A of the GIF-MCTS goldens: the scripted programs, in the order the search asks for them. */
export const scenarioA = [
  program('A', 'SCORE 0.4'),
  program('B', 'BUG boom'),
  program('C', 'BUG boom2'),
  program('D', 'BUG boom3'),
  program('E', 'SCORE 0.7', 7),
  program('F', 'SCORE 0.5', 6),
  continuation('G', 'SCORE 0.6', 4),
  program('H', 'BUG boom4'),
  program('I', 'SCORE 0.8', 8),
  program('J', 'SCORE 0.9', 8),
  program('K', 'SCORE 1', 8),
];

/** Scenario A's action of every iteration; the same under both protocols' prefix rules. */
export const SCENARIO_A_TRACE = ['generate@0→1', 'generate@0→2', 'fix@2→3', 'fix@3→4', 'improve@1→5', 'improve@5→6', 'generate@5→7', 'improve@1→8', 'fix@8→9', 'improve@9→10', 'generate@9→11'];

/** Scenario A's final tree (see treeTable); the same under both protocols' prefix rules. */
export const SCENARIO_A_TREE = [
  '0 root p- n=11 v=0.440909 s=0',
  '1 generate p0 n=7 v=0.635714 s=0.4',
  '2 generate p0 n=3 v=0.33 s=0 BUG',
  '3 fix p2 n=2 v=0.33 s=0 BUG',
  '4 fix p3 n=1 v=0 s=0 T BUG',
  '5 improve p1 n=3 v=0.6 s=0.7',
  '6 improve p5 n=1 v=0 s=0.5 T',
  '7 generate p5 n=1 v=0.6 s=0.6',
  '8 improve p1 n=3 v=0.833333 s=0 BUG',
  '9 fix p8 n=2 v=0.85 s=0.8',
  '10 improve p9 n=1 v=0 s=0.9 T',
  '11 generate p9 n=0 v=0 s=1',
];
