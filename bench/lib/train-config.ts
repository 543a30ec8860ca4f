// Training constants shared by `npm run train:entities` and the bench's retraining, so both
// produce the same model from the same corpus.
export const EPOCHS = 12;
export const SEED = 12;
