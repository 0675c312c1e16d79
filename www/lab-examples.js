// The classifier lab's prepared examples of overfitting and its cure: each is a lab link (the
// page's #lab?… mechanism), listed under the lab and reusable elsewhere (a tour). Plain data,
// so that any page or test can import it.

/** The examples: a title, the link's hash and a sentence on what to do and see. */
export const LAB_EXAMPLES = [
  {
    title: 'XOR with degree-3 features, 20 points: watch it overfit, then raise λ',
    hash: '#lab?dataset=xor&points=40&noise=0.25&held-out=0.5&features=polynomial&degree=3&loss=softmax&lambda=0.000001&method=adam&lr=0.05&speed=5',
    text: 'Twenty training points (filled) and twenty held out (hollow). Press Play: the boundary bends around single training points while the held-out loss stops falling and turns up. Then raise λ and watch the gap close.',
  },
  {
    title: 'Spiral with radial features',
    hash: '#lab?dataset=spiral&classes=2&points=200&noise=0.03&held-out=0.3&features=radial&degree=6&loss=softmax&lambda=0.0001&method=adam&lr=0.05&speed=10',
    text: 'No line separates two spiral arms, but 36 Gaussian bumps over the plane do: press Play and the regions curl along the arms. Compare the training and held-out accuracy.',
  },
  {
    title: 'Two blobs with degree-9 features: the cost of too little regularization',
    hash: '#lab?dataset=blobs&classes=2&points=60&noise=0.7&data-seed=3&held-out=0.667&features=polynomial&degree=9&loss=softmax&lambda=0.000001&method=lbfgs',
    text: 'Two overlapping clouds and 54 polynomial features for 20 training points. Press Play: training accuracy reaches 100 % while the held-out accuracy falls behind. Run the λ sweep, set λ at the bottom of its held-out curve, Reset and Play again.',
  },
];
