// Decap's Redux store, for what Decap has no hook for (drafts.js). Decap makes its store with
// redux-devtools-extension's composeWithDevTools, which uses window.__REDUX_DEVTOOLS_EXTENSION_COMPOSE__
// when a page defines it; this one adds an enhancer through which every action reaches Decap's
// reducers: a watcher may hold an action back (it returns false) and act once an action is done.
// A classic script, loaded before decap-cms.js (index.html); the browser's Redux DevTools, when
// installed, still composes.
(function () {
  const devtools = window.__REDUX_DEVTOOLS_EXTENSION_COMPOSE__;
  const compose = (...enhancers) => enhancers.reduce((outer, inner) => (...args) => outer(inner(...args)));
  const decap = { store: null, before: [], after: [] };

  function watched(createStore) {
    return (...args) => {
      const store = createStore(...args);
      const dispatch = (action) => {
        if (decap.before.some((watch) => watch(action, store) === false)) return action;
        const result = store.dispatch(action);
        for (const watch of decap.after) watch(action, decap.store);
        return result;
      };
      decap.store = { ...store, dispatch };
      return decap.store;
    };
  }

  window.__REDUX_DEVTOOLS_EXTENSION_COMPOSE__ = (...args) => {
    if (args.length && typeof args[0] === "object") return (...enhancers) => (devtools ? devtools(args[0]) : compose)(...enhancers, watched);
    return (devtools || compose)(...args, watched);
  };
  window.lcDecap = decap;
})();
