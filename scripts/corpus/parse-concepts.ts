// Splits the CS7643 course notes (Georgia Tech, Spring 2022) into titled sections: the
// background-concepts corpus. The scrape lost every heading, so the section boundaries come
// from an outline written by reading the notes: each entry names the line a topic starts
// with ("anchor"), its title and its course module. A heuristic cannot tell "Summary" or
// "RMSProp" (sub-points) from "Pooling layers" (a topic), and a guessed split gave sections
// titled "CAT CAR FROG". When the seed changes and an anchor is no longer found, the build
// fails and says which one, rather than silently mis-splitting.
//
// Inside a section the scrape's one-paragraph-per-line text is turned back into markdown:
// lines become paragraphs, multi-line formulas stay together, runs of code become fenced
// blocks and short title-like lines become sub-headings.
import { displayMathToBlocks } from './repair-markdown';

export interface ConceptSection {
  id: string;
  module: string;
  title: string;
  markdown: string;
}

/** CS7643's four modules (the notes follow the course order). */
export const MODULES = {
  m1: 'CS7643 Module 1: Introduction to Neural Networks',
  m2: 'CS7643 Module 2: Convolutional Neural Networks',
  m3: 'CS7643 Module 3: Structured Neural Representations',
  m4: 'CS7643 Module 4: Advanced Topics',
} as const;
type ModuleKey = keyof typeof MODULES;

interface OutlineEntry {
  module: ModuleKey;
  /** Short, hand-given part of the id: ids stay the same when a title is reworded. */
  slug: string;
  title: string;
  /** The start of the line the section begins with (first match after the previous section). */
  anchor: string;
}

// [module, slug, title, anchor], in file order.
const OUTLINE: OutlineEntry[] = (
  [
    ['m1', 'overview', 'Course overview: from linear classifiers to neural networks', 'Georgia Tech - Spring 2022'],
    ['m1', 'what-is-ml', 'What is machine learning? Supervised, unsupervised and reinforcement learning', '"A computer program is said to learn'],
    ['m1', 'linear-classifiers', 'Parametric models and linear classifiers', 'Components'],
    ['m1', 'loss-functions', 'Loss functions: softmax, hinge (SVM) loss and cross-entropy', 'Topic: Performance Measure'],
    ['m1', 'jacobians', 'Vector and matrix derivatives (Jacobians)', 'In general we will be working with Matrices W'],
    ['m1', 'gradient-descent', 'Gradient descent', 'Deep Learning employs a few key concepts'],
    ['m1', 'neural-networks', 'Neural networks as compositions of functions', 'Recall that'],
    ['m1', 'backprop', 'Backpropagation: forward and backward passes', 'Backprop algo consists of two main parts'],
    ['m1', 'autodiff', 'Computation graphs and automatic differentiation', 'The idea here is that we need to create a framework'],
    ['m1', 'backprop-example', 'Backpropagation worked example: logistic regression, Jacobians and ReLU', 'In this section we look an example that more closely'],
    ['m1', 'deep-networks', 'Deep networks: architectures and practical considerations', 'A network with two or more hidden layers'],
    ['m1', 'activations', 'Activation functions (non-linearities)', 'What modules to use, and how to connect them'],
    ['m1', 'initialization', 'Weight initialization (Xavier/Glorot and He)', 'Intelligent Initialization of Neural Network Weights'],
    ['m1', 'batch-norm', 'Data normalization and batch normalization', 'In ML and DL data drives the learning'],
    ['m1', 'momentum', 'Optimization: loss landscapes, momentum and Nesterov', 'So far we have only talked about Steepest gradient descent'],
    ['m1', 'adaptive-optimizers', 'Adaptive learning rates: Adagrad, RMSProp and Adam', 'Pre-Parameter Learning Rate'],
    ['m1', 'regularization', 'Regularization: L1/L2 penalties, dropout and data augmentation', 'This is a crucial aspect needed in DL as well as ML.'],
    ['m1', 'training-monitoring', 'Training neural networks: monitoring learning curves and tuning hyperparameters', "Let's now turn our attention to the training and monitoring"],
    ['m1', 'data-wrangling', 'Data wrangling: sampling, cross-validation and class imbalance (focal loss)', 'Guest Lecturers:'],
    ['m1', 'evaluation', 'Model evaluation: metrics, calibration and baselines', 'We now focus on Model prediction and evaluation.'],
    ['m1', 'data-cleaning', 'Data cleaning, transforming and pre-processing', '3 Areas of Data cleaning for Deep Learning'],

    ['m2', 'convolution-layers', 'Convolution layers: an introduction', "Until now we've focused exclusively on linear and nonlinear layers"],
    ['m2', 'why-convolutions', 'Why convolutions: receptive fields and shared weights', 'Backprop and autodiff allow us to optimize any function'],
    ['m2', 'convolution-math', 'Convolution and cross-correlation: definitions and layer hyperparameters', 'In mathematics a convolution is an operation'],
    ['m2', 'pooling', 'Pooling layers', 'Recall that dimension reduction is an important aspect'],
    ['m2', 'conv-backprop', 'Backpropagation through convolution layers', 'It is instructive to calculate the backwards pass of a convolution layer'],
    ['m2', 'cnn-architectures', 'CNN architectures: from simple CNNs to AlexNet', 'Simple CNNs'],
    ['m2', 'transfer-learning', 'Transfer learning and generalization', 'How can we generalize our learning'],
    ['m2', 'visualization', 'Visualizing neural networks: weights, activations and embeddings', 'Given a model we would like to understand what it has learned'],
    ['m2', 'saliency', 'Gradient-based visualization: saliency maps, guided backprop and VGG layers', 'Recall that the backwards pass gives us the the gradients'],
    ['m2', 'grad-cam', 'Grad-CAM', 'Grad-CAM'],
    ['m2', 'input-optimization', 'Optimizing the input: class visualization, adversarial examples and texture bias', 'The idea here is that since we have the gradient of the scores'],
    ['m2', 'style-transfer', 'Neural style transfer', 'This refers to the generation of an image where the content'],
    ['m2', 'scalable-training', 'Scalable training: profiling and speeding up PyTorch models', 'Topics:'],
    ['m2', 'data-pipelines', 'Data pipelines in PyTorch: datasets and data loaders', 'In this section we outline a basic data pipline flow'],
    ['m2', 'distributed-training', 'Distributed training: data parallel and model parallel', 'Key Concepts:'],
    ['m2', 'segmentation', 'Semantic segmentation and fully convolutional networks', 'Let us now move beyond classification to other tasks'],
    ['m2', 'fairness', 'Fairness, accountability and transparency: calibration', 'Facebook Lecturers:'],

    ['m3', 'structured-representations', 'Structured representations: sequences, attention and transformers', 'Now we move past fully connected layers, and convolutions.'],
    ['m3', 'language-modeling-intro', 'Language modeling and word representations: an introduction', 'In many of the applications we will need to consider the architecture'],
    ['m3', 'rnn', 'Recurrent neural networks (RNNs)', 'Plain CNNs are not built to be good with varying data'],
    ['m3', 'graph-representations', 'Structured representations and graph embeddings: an introduction', 'In this sections we introduce the concept of structured representation'],
    ['m3', 'language-models', 'Language models: sequence modelling and conditional language models', 'Guest Lecturer: Jean Maillard'],
    ['m3', 'lstm', 'RNN and LSTM implementation', 'We will now examine RNN implementation.'],
    ['m3', 'perplexity', 'Training language models: cross-entropy, perplexity and teacher forcing', 'In the previous section we have looked at the standard language model'],
    ['m3', 'masked-language-models', 'Masked language models and pre-trained transformers (BERT, XLM)', 'This module introduces the concept of masked language modelling'],
    ['m3', 'distillation', 'Knowledge distillation', 'This class of models, which are all based on pre-trained transformers'],
    ['m3', 'word-embeddings', 'Word embeddings: word2vec skip-gram and evaluation', 'Guest Lecturer: Ledell Wu'],
    ['m3', 'graph-embeddings', 'Graph embeddings and multi-relation graphs', 'Graphs are networks of entities and connections'],
    ['m3', 'embedding-applications', 'Embedding applications: TagSpace, PageSpace and t-SNE', "Let's now talk about applications of NLP language models"],
    ['m3', 'softmax-attention', 'Softmax as a mechanism for neural attention', 'Guest Lecturer: Arthur Szlam'],
    ['m3', 'attention', 'Attention as a neural module: soft attention and position encoding', 'Here we talk about attention as a general neural module'],
    ['m3', 'transformers', 'Transformers: self-attention and multi-head attention', 'Transformer is multi-attention model'],
    ['m3', 'machine-translation', 'Neural machine translation: beam search, byte-pair encoding and efficiency', 'Guest Lecturer : James Cross'],
    ['m3', 'translation-at-scale', 'Machine translation at scale: multilingual training and back translation', 'Guest Lecturer'],
    ['m3', 'speech-recognition', 'Automatic speech recognition (ASR)', "Let's look at different ways of building Automated Speech Recognition"],

    ['m4', 'advanced-topics', 'Beyond supervised learning: reinforcement learning and low-label settings', "In this module, we'll talk about advanced topics"],
    ['m4', 'reinforcement-learning', 'Introduction to reinforcement learning', 'In this section, we will introduce reinforcement learning'],
    ['m4', 'mdp', 'Markov decision processes, policies and value functions', 'Markov decision processes, MDPs, form the underlying framework'],
    ['m4', 'bellman', 'Bellman optimality equations, value iteration and policy iteration', 'In the previous section, see above, we defined the V and Q functions'],
    ['m4', 'deep-q-learning', 'Deep Q-learning', 'Deep Q-learning assumes a parametrized Q-function'],
    ['m4', 'policy-gradients', 'Policy gradients (REINFORCE)', 'In this lecture, we will study a family of policy based RL Algorithms'],
    ['m4', 'less-labels', 'Learning with less labels: an overview', "In this lesson, we'll go beyond supervised learning"],
    ['m4', 'semi-supervised', 'Semi-supervised learning: pseudo-labelling and FixMatch', 'It is often much cheaper (cost/time) to get large-scale unlabeled datasets'],
    ['m4', 'few-shot', 'Few-shot learning and meta-learning', 'In this lesson we discuss few shot learning'],
    ['m4', 'unsupervised', 'Unsupervised and self-supervised learning: reconstruction and clustering', "In this lesson, we'll talk about unsupervised and self supervised learning"],
    ['m4', 'self-supervised', 'Self-supervised surrogate tasks and how to evaluate them', 'While a lot of these tasks have already existed before deep learning'],
    ['m4', 'generative-models', 'Generative models: discriminative versus generative', "In this lesson, we'll talk about a different class of unsupervised learning methods called generative modeling"],
    ['m4', 'autoregressive-models', 'Autoregressive generative models: PixelRNN and PixelCNN', "In this lesson, we'll talk about generative models that perform explicit tractable density"],
    ['m4', 'gan', 'Generative adversarial networks (GANs): the minimax game', "In this lesson we'll talk about a different class of generative models called generative adversarial"],
    ['m4', 'gan-training', 'Training GANs: architectures, mode collapse and regularization', "One of the reasons that GANs weren't as good in the early days"],
    ['m4', 'vae', 'Variational autoencoders (VAEs): latent variables and the ELBO', "In this lesson we'll talk about variational autoencoders"],
    ['m4', 'vae-training', 'Training VAEs: the reparameterization trick and the latent space', "let's summarize how we can train our variational autoencoder"],
  ] as const
).map(([module, slug, title, anchor]) => ({ module, slug, title, anchor }));

/** Where the notes end: what follows is a figure path and formulas whose place in the text was lost. */
const END_ANCHOR = '<img src="CS7643_images/';

/**
 * What the notes hold after END_ANCHOR, line by line (by how each line starts). A formula that a
 * sentence of the notes asks for goes back after that sentence; the others are left out, with
 * the reason. A trailing line in neither list fails the build: the seed has changed.
 */
const TRAILING_PLACED: { starts: string; after: string }[] = [
  // The word2vec softmax: "So How do we define P(w_{t+j}|w_t;θ)?" is otherwise never answered.
  { starts: '$\\large P(w_{t+1}|w_t) =', after: 'So How do we define $P(w_{t+j}|w_t;\\theta)$?' },
  // The chain rule in the h^l notation of "Step 3: we compute {∂L/∂h^{l-1}; ∂L/∂W}", right after the general rule.
  { starts: '$\\large \\frac{\\partial L}{\\partial h^{l-1}} = \\frac{\\partial L}{\\partial h^l}', after: 'So we simply apply our old friend the chain rule:' },
];
const TRAILING_LEFT_OUT: { starts: string; reason: string }[] = [
  { starts: '<img src="CS7643_images/', reason: 'a figure path; the figure is not in the source' },
  { starts: '$ \\begin{bmatrix} x{11}', reason: 'an unfinished d×n matrix (no \\end{bmatrix}, one "$" on the next line) that no sentence refers to' },
  { starts: '$', reason: 'a lone closing "$" of the matrix above' },
  { starts: '$ \\large \\begin{equation} \\frac{\\partial L}{\\partial h^{l-1}} = \\begin{cases}', reason: 'the ReLU gradient, already in the backpropagation worked example' },
  { starts: '$ \\begin{align} \\frac{\\partial L}{\\partial w_j}', reason: 'the update-rule derivation, already in the gradient-descent section' },
];

/** Puts the trailing formulas the text asks for back in place; throws on a trailing line it does not know. */
function restoreTrailingFormulas(lines: string[], tail: string[]): string[] {
  const out = [...lines];
  for (const line of tail.map((l) => l.trim()).filter(Boolean)) {
    const placed = TRAILING_PLACED.find((p) => line.startsWith(p.starts));
    if (placed) {
      const at = out.findIndex((l) => l.trim().startsWith(placed.after));
      if (at < 0) throw new Error(`Course notes: the line "${placed.after}" that a trailing formula belongs after is gone.`);
      out.splice(at + 1, 0, line);
    } else if (!TRAILING_LEFT_OUT.some((l) => (l.starts === '$' ? line === '$' : line.startsWith(l.starts)))) {
      throw new Error(`Course notes: unknown line after the end of the text: "${line.slice(0, 80)}".`);
    }
  }
  return out;
}

/** Whole lines that are scrape leftovers, not content. */
const DROP_LINE = /^(NLP|MODULE COMPLETED!+)$/;

const conceptId = (slug: string) => `cs7643-${slug}`;

export function parseConcepts(text: string): ConceptSection[] {
  const all = text.split('\n').map((l) => l.trimEnd());
  const endAt = all.findIndex((l) => l.trim().startsWith(END_ANCHOR));
  // Section starts are found in the text as it stands, then the trailing formulas go back in place.
  const lines = endAt < 0 ? all : restoreTrailingFormulas(all.slice(0, endAt), all.slice(endAt));
  const starts: number[] = [];
  let from = 0;
  for (const entry of OUTLINE) {
    const at = lines.findIndex((l, i) => i >= from && l.trim().startsWith(entry.anchor));
    if (at < 0) throw new Error(`Course notes: section "${entry.title}" starts with "${entry.anchor}", which is not in the text after line ${from + 1}.`);
    starts.push(at);
    from = at + 1;
  }
  const stop = lines.length;

  return OUTLINE.map((entry, n) => {
    const body = lines.slice(starts[n], n + 1 < starts.length ? starts[n + 1] : stop).filter((l) => !DROP_LINE.test(l.trim()));
    return { id: conceptId(entry.slug), module: MODULES[entry.module], title: entry.title, markdown: linesToMarkdown(body) };
  });
}

// ---- one-line-per-paragraph text back to markdown ----

const unescapedDollars = (line: string) => (line.match(/(?<!\\)\$/g) ?? []).length;

/** Lines that can only be code: Python keywords, comments, IPython magics, calls, closing brackets. */
const CODE_START = /^(import \w|from [\w.]+ import |def \w+\(|class \w+|for .+ in .+:$|while .+:$|if .+:$|with .+:$|return\b|print\(|%timeit|# |\w[\w.]*\s*=\s*[\w.]+\(|[\w.]+\([^)]*\)$)/;
const looksLikeProse = (line: string) => /^[A-Z][a-z']*\s+\S+\s+\S+/.test(line) && !/[=(]/.test(line.split(/\s+/).slice(0, 3).join(' '));

function isCodeStart(line: string): boolean {
  return !line.includes('$') && CODE_START.test(line) && !looksLikeProse(line);
}
/** Inside a run of code (the scrape lost its indentation), anything up to the next sentence or formula. */
function isCodeContinuation(line: string): boolean {
  return !line.includes('$') && !looksLikeProse(line) && line.length < 160;
}

/** A short title-like line ("Forward Pass", "RMSProp", "STEP 2 Transforming") followed by text. */
function isSubheading(line: string, next: string | undefined): boolean {
  if (!next || next.length < 40 || !/^[A-Za-z$]/.test(next) || isCodeStart(next)) return false;
  const words = line.split(/\s+/);
  return (
    line.length <= 45 &&
    words.length <= 6 &&
    /^[A-Z]/.test(line) &&
    !/[.,:;?!=$\\{}()<>#"]/.test(line) &&
    // sentence openings cut short by a lost figure or formula ("Recall that", "We have", "Define")
    !/\b(that|the|a|an|of|to|and|is|are|as|with|for|be|let|by|in|on|over|include|includes|yields|take|here|below|follows)$/i.test(line) &&
    !/^(We|You|I|It|They|This|These|Let|Let's|Define|Consider|Note|Recall|Given|Then|So|And|But|Now|Here|There|Where|Which|For|Using|Similarly|Formally|More|Observe|Applying|Guest|Great)\b/.test(line)
  );
}

/** Words a lead-in ends with when what it introduces is lost ("Key aspects were", "Given"). */
const LEAD_IN_END = /\b(that|the|a|an|of|to|and|is|are|was|were|as|with|for|be|by|in|into|on|over|include|includes|yields|take|here|below|follows|given)$/i;

const NEW_SENTENCE = /^(We|You|I|It|They|This|These|There|Here|Here's|Let|Let's)\b/;

/**
 * What follows a line that ends in a colon ("Sigmoid:", "…we sample from the uniform distribution:").
 * The scrape dropped every figure, so many such labels now introduce nothing. "content": the next
 * line is what the label introduces (a formula, code, a list, a run of sub-headings); "join": the
 * next line is a short fragment that completes it ("Goodhart's Law:" + the law); "missing": the
 * next line starts something else, or nothing follows.
 */
export function labelFollowUp(line: string, next: string | undefined, afterNext: string | undefined): 'content' | 'join' | 'missing' | null {
  if (!/:$/.test(line) || unescapedDollars(line) % 2 === 1 || isCodeStart(line)) return null;
  if (next === undefined) return 'missing';
  if (next.includes('$') || /^\\begin\{/.test(next) || isCodeStart(next) || /^(#{1,6}|[-*]|\d+\.) /.test(next)) return 'content';
  if (isSubheading(next, afterNext) && next.includes(' ')) return 'content';
  // A fragment: short, one unfinished clause (no sentence end, no label of its own), not a new
  // sentence's subject ("We can now define…") and not a lead-in itself ("Key aspects were").
  const fragment =
    next.length <= 120 && next.includes(' ') && !/[.!?:;,]$/.test(next) && !/[.!?:] /.test(next) && !NEW_SENTENCE.test(next) && !LEAD_IN_END.test(next);
  return fragment ? 'join' : 'missing';
}

/** The mark a label gets when what it introduced is not in the source. */
function missingMark(label: string): string {
  return /\b(references?|links?|material|lecturers?)\b/i.test(label) ? '*(not in source)*' : '*(figure not in source)*';
}

export function linesToMarkdown(lines: string[]): string {
  const blocks: string[] = [];
  let i = 0;
  const src = lines.map((l) => l.trim()).filter((l) => l.length > 0);
  while (i < src.length) {
    const followUp = labelFollowUp(src[i], src[i + 1], src[i + 2]);
    if (followUp === 'join') {
      src[i + 1] = `${src[i]} ${src[i + 1]}`;
      i += 1;
      continue;
    }
    const line = followUp === 'missing' ? `${src[i]} ${missingMark(src[i])}` : src[i];
    // A formula over several lines: keep it whole (the scrape dropped the "$" before some \begin{…}).
    const opensMath = unescapedDollars(line) % 2 === 1 || (/^\\begin\{/.test(line) && unescapedDollars(line) === 0);
    if (opensMath) {
      const group = [unescapedDollars(line) === 0 ? `$${line}` : line];
      let j = i + 1;
      while (j < src.length && unescapedDollars(src[j]) % 2 === 0) group.push(src[j++]);
      if (j < src.length) group.push(src[j++]);
      blocks.push(mathBlock(group.join(' ')));
      i = j;
      continue;
    }
    if (isCodeStart(line)) {
      const group = [line];
      let j = i + 1;
      while (j < src.length && isCodeContinuation(src[j])) group.push(src[j++]);
      blocks.push('```python\n' + group.join('\n') + '\n```');
      i = j;
      continue;
    }
    if (/^#{1,6} /.test(line)) blocks.push(line);
    else if (isSubheading(line, src[i + 1])) blocks.push(`### ${line}`);
    else blocks.push(mathBlock(line));
    i += 1;
  }
  return blocks.join('\n\n');
}

/** KaTeX typesets these environments only in display mode. */
const DISPLAY_ONLY = /\\begin\{(equation|align|gather|split|alignat|multline)\*?\}/;

/**
 * A line that is one formula and nothing else is shown as display math, and so is a formula
 * that uses a display-only environment inside a sentence (the text around it stays a paragraph).
 */
function mathBlock(text: string): string {
  const t = repairLatex(text.trim());
  if (unescapedDollars(t) === 2 && t.startsWith('$') && t.endsWith('$') && !t.startsWith('$$')) return `$$\n${t.slice(1, -1).trim()}\n$$`;
  return displayMathToBlocks(t)
    .replace(/(?<![\\$])\$(?!\$)([^$]+)\$(?!\$)/g, (whole, inner: string) =>
      // Inline math may not start or end with a space ("$ f(x) $" stays text otherwise).
      DISPLAY_ONLY.test(inner) ? `\n\n$$\n${inner.trim()}\n$$\n\n` : inner.trim() === inner ? whole : `$${inner.trim()}$`,
    )
    .replace(/[ \t]*\n\n[ \t]*/g, '\n\n')
    .trim();
}

/**
 * The notes end split rows with an empty column ("&\\"), which KaTeX rejects in {split}; and
 * they write a subscript of a subscript as "u_w_t", which KaTeX rejects as a double subscript
 * (meaning u_{w_t}).
 */
function repairLatex(text: string): string {
  return text
    .replace(/\\begin\{split\}[\s\S]*?\\end\{split\}/g, (env) => env.replace(/&\s*\\\\/g, '\\\\'))
    .replace(/(?<![\\\w])([A-Za-z])_([A-Za-z])_(\{[^{}]*\}|[A-Za-z0-9])/g, '$1_{$2_$3}');
}
