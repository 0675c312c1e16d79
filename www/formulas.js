// The lecture's formulas, typeset with MathML (rendered natively by Chromium, Firefox and
// Safari: no library, no network). Every formula the page shows lives here, written as the
// lecture writes it: the classifier, the losses, the objective L = (1/N)ΣLᵢ + λR(W), each
// regularizer, the gradients, each optimizer's update rule and the schedules. Markup is built
// from the fixed strings below and parsed once per use; nothing a user types reaches it.

// Small builders for MathML markup: identifiers, numbers, operators, scripts, fractions.
const i = (x) => `<mi>${x}</mi>`;
const n = (x) => `<mn>${x}</mn>`;
const o = (x) => `<mo>${x}</mo>`;
const row = (...parts) => `<mrow>${parts.join('')}</mrow>`;
const sub = (base, script) => `<msub>${base}${script}</msub>`;
const sup = (base, script) => `<msup>${base}${script}</msup>`;
const subsup = (base, below, above) => `<msubsup>${base}${below}${above}</msubsup>`;
const frac = (top, bottom) => `<mfrac>${row(top)}${row(bottom)}</mfrac>`;
const sqrt = (...parts) => `<msqrt>${parts.join('')}</msqrt>`;
const under = (base, below) => `<munder>${base}${below}</munder>`;
const underover = (base, below, above) => `<munderover>${base}${below}${above}</munderover>`;
// A hat or tilde as a combining mark on the letter: it sits right in every engine's MathML.
const hat = (letter) => i(`${letter}\u0302`);
const tilde = (letter) => i(`${letter}\u0303`);
const paren = (...parts) => row(o('('), ...parts, o(')'));
const space = '<mspace width="0.8em"></mspace>';
const sum = o('∑');
/** A word inside a formula, set apart by spaces ("if", "for"). */
const word = (text) => `<mspace width="0.5em"></mspace><mtext>${text}</mtext><mspace width="0.3em"></mspace>`;
/** A schedule's name before its formula, as the slides name them ("Cosine:"). */
const named = (text) => `<mtext>${text}:</mtext><mspace width="0.5em"></mspace>`;
const grad = o('∇');

// Recurring pieces.
const x = i('x');
const t = i('t');
const W = i('W');
const alpha = i('α');
const rho = i('ρ');
const eps = i('ε');
const beta1 = sub(i('β'), n(1));
const beta2 = sub(i('β'), n(2));
const xt = sub(x, t);
const xNext = sub(x, row(t, o('+'), n(1)));
const at = (name) => sub(i(name), t);
const next = (name) => sub(i(name), row(t, o('+'), n(1)));
const gradAt = (...point) => row(grad, i('f'), paren(...point));
const gradXt = gradAt(xt);
const alphaT = sub(alpha, t);
const alpha0 = sub(alpha, n(0));
const sj = sub(i('s'), i('j'));
const syi = sub(i('s'), sub(i('y'), i('i')));
const Li = sub(i('L'), i('i'));
const Wkl = sub(W, row(i('k'), o(','), i('l')));
const sumKl = row(under(sum, i('k')), under(sum, i('l')));
/** Equations one under another, as the slides set an update rule's lines. */
const lines = (...equations) => `<mtable>${equations.map((e) => `<mtr><mtd><mrow displaystyle="true">${e}</mrow></mtd></mtr>`).join('')}</mtable>`;

/** The formulas, by name: a `<math>` body each. */
const MARKUP = {
  classifier: row(i('f'), paren(x, o(','), W), o('='), W, x, o('+'), i('b')),
  svm: row(
    Li, o('='),
    under(sum, row(i('j'), o('≠'), sub(i('y'), i('i')))),
    i('max'), paren(n(0), o(','), sj, o('−'), syi, o('+'), n(1)),
  ),
  softmax: row(Li, o('='), o('−'), i('log'), paren(frac(sup(i('e'), syi), row(under(sum, i('j')), sup(i('e'), sj))))),
  objective: row(
    i('L'), paren(W), o('='),
    frac(n(1), i('N')), underover(sum, row(i('i'), o('='), n(1)), i('N')),
    Li, paren(i('f'), paren(sub(x, i('i')), o(','), W), o(','), sub(i('y'), i('i'))),
    o('+'), i('λ'), i('R'), paren(W),
  ),
  l2: row(i('R'), paren(W), o('='), sumKl, sup(Wkl, n(2))),
  l1: row(i('R'), paren(W), o('='), sumKl, row(o('|'), Wkl, o('|'))),
  'elastic-net': row(i('R'), paren(W), o('='), sumKl, i('β'), sup(Wkl, n(2)), o('+'), row(o('|'), Wkl, o('|'))),
  ridge: row(
    frac(n(1), i('N')), under(sum, i('i')), sup(paren(i('p'), paren(sub(x, i('i'))), o('−'), sub(i('y'), i('i'))), n(2)),
    o('+'), i('λ'), under(sum, row(i('k'), o('≥'), n(1))), sup(sub(i('c'), i('k')), n(2)),
  ),
  random: lines(
    row(i('θ'), o('←'), i('θ'), o('+'), alpha, i('z')),
    row(i('z'), o('∼'), i('𝒩'), paren(n(0), o(','), i('I')), o(','), word('if'), i('L'), paren(i('θ'), o('+'), alpha, i('z')), o('&lt;'), i('L'), paren(i('θ'))),
  ),
  numeric: row(
    frac(row(i('d'), i('f'), paren(x)), row(i('d'), x)), o('='),
    under(i('lim'), row(i('h'), o('→'), n(0))),
    frac(row(i('f'), paren(x, o('+'), i('h')), o('−'), i('f'), paren(x)), i('h')),
  ),
  gradient: row(
    sub(grad, W), i('L'), paren(W), o('='),
    frac(n(1), i('N')), underover(sum, row(i('i'), o('='), n(1)), i('N')),
    sub(grad, W), Li, paren(sub(x, i('i')), o(','), sub(i('y'), i('i')), o(','), W),
    o('+'), i('λ'), sub(grad, W), i('R'), paren(W),
  ),
  sgd: row(xNext, o('='), xt, o('−'), alpha, gradXt),
  minibatch: row(
    sub(grad, W), i('L'), paren(W), o('≈'),
    frac(n(1), i('B')), under(sum, row(i('i'), o('∈'), i('batch'))), sub(grad, W), Li, paren(W),
  ),
  noise: row(tilde('∇'), i('f'), paren(i('θ')), o('='), grad, i('f'), paren(i('θ')), o('+'), i('σ'), i('ξ'), o(','), space, i('ξ'), o('∼'), i('𝒩'), paren(n(0), o(','), i('I'))),
  momentum: lines(
    row(next('v'), o('='), rho, at('v'), o('+'), gradXt),
    row(xNext, o('='), xt, o('−'), alpha, next('v')),
  ),
  'momentum-velocity': lines(
    row(next('v'), o('='), rho, at('v'), o('−'), alpha, gradXt),
    row(xNext, o('='), xt, o('+'), next('v')),
  ),
  nesterov: lines(
    row(next('v'), o('='), rho, at('v'), o('−'), alpha, gradAt(xt, o('+'), rho, at('v'))),
    row(xNext, o('='), xt, o('+'), next('v')),
  ),
  adagrad: lines(
    row(next('G'), o('='), at('G'), o('+'), sup(paren(gradXt), n(2))),
    row(xNext, o('='), xt, o('−'), alpha, frac(gradXt, row(sqrt(next('G')), o('+'), eps))),
  ),
  rmsprop: lines(
    row(next('S'), o('='), i('δ'), at('S'), o('+'), paren(n(1), o('−'), i('δ')), sup(paren(gradXt), n(2))),
    row(xNext, o('='), xt, o('−'), alpha, frac(gradXt, row(sqrt(next('S')), o('+'), eps))),
  ),
  adam: lines(
    row(next('m'), o('='), beta1, at('m'), o('+'), paren(n(1), o('−'), beta1), gradXt),
    row(next('v'), o('='), beta2, at('v'), o('+'), paren(n(1), o('−'), beta2), sup(paren(gradXt), n(2))),
    row(xNext, o('='), xt, o('−'), alpha, frac(hat('m'), row(sqrt(hat('v')), o('+'), eps))),
  ),
  'adam-bias': lines(
    row(sub(hat('m'), t), o('='), frac(at('m'), row(n(1), o('−'), sup(beta1, t)))),
    row(sub(hat('v'), t), o('='), frac(at('v'), row(n(1), o('−'), sup(beta2, t)))),
  ),
  adamw: row(
    xNext, o('='), xt, o('−'), alpha,
    paren(frac(hat('m'), row(sqrt(hat('v')), o('+'), eps)), o('+'), i('λ'), xt),
  ),
  newton: row(
    sup(i('θ'), o('*')), o('='), sub(i('θ'), n(0)), o('−'),
    sup(i('H'), row(o('−'), n(1))), sub(grad, i('θ')), i('J'), paren(sub(i('θ'), n(0))),
  ),
  lbfgs: row(
    xNext, o('='), xt, o('−'), alphaT, sub(i('H'), i('m')), gradXt, o(','), space,
    sub(i('H'), i('m')), o('≈'), sup(i('H'), row(o('−'), n(1))),
  ),
  step: row(named('Step'), alphaT, o('='), alpha0, sup(i('γ'), row(o('⌊'), t, o('/'), i('s'), o('⌋')))),
  cosine: row(named('Cosine'), alphaT, o('='), frac(n(1), n(2)), alpha0, paren(n(1), o('+'), i('cos'), paren(t, i('π'), o('/'), i('T')))),
  linear: row(named('Linear'), alphaT, o('='), alpha0, paren(n(1), o('−'), t, o('/'), i('T'))),
  invsqrt: row(named('Inverse sqrt'), alphaT, o('='), alpha0, o('/'), sqrt(t)),
  exponential: row(named('Exponential'), alphaT, o('='), alpha0, sup(i('γ'), t)),
  warmup: row(named('Warmup'), alphaT, o('='), alpha0, frac(t, i('W')), o(','), word('for'), t, o('&lt;'), i('W')),
};

/** The update rule a method picker shows for each method, by the method's setting value. */
const METHOD_RULES = {
  random: 'random',
  sgd: 'sgd',
  momentum: 'momentum',
  nesterov: 'nesterov',
  adagrad: 'adagrad',
  rmsprop: 'rmsprop',
  adam: 'adam',
  adamw: 'adamw',
  newton: 'newton',
  lbfgs: 'lbfgs',
};

/** Parses MathML markup with the HTML parser (a template's content: no script runs). */
function parse(markup) {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return template.content.firstElementChild;
}

/** The names of every formula. */
export const FORMULAS = Object.keys(MARKUP);

/** Whether a formula of this name exists. */
export const hasFormula = (name) => Object.hasOwn(MARKUP, name);

/** A fresh `<math display="block">` element for the formula `name`, labelled `label` for
 *  assistive technology (the rule in words); null if there is no such formula. */
export function formula(name, label = '') {
  if (!hasFormula(name)) return null;
  const math = parse(`<math display="block">${MARKUP[name]}</math>`);
  math.dataset.formula = name;
  if (label) math.setAttribute('aria-label', label);
  return math;
}

/** The typeset update rule of a method picker's choice (a `method` setting's value), or null
 *  where the lecture writes none (the methods past its list keep their rule as text). */
export function methodRule(method, label) {
  return Object.hasOwn(METHOD_RULES, method) ? formula(METHOD_RULES[method], label) : null;
}
