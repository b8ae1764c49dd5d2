"""China green-manufacturing explainer: loaders, charts, theme and site build."""
