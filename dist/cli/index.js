#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
import * as __WEBPACK_EXTERNAL_MODULE_onnxruntime_node_6a60201e__ from "onnxruntime-node";
import * as __WEBPACK_EXTERNAL_MODULE_sharp__ from "sharp";
/******/ var __webpack_modules__ = ({

/***/ 9750:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ContextAPI = void 0;
const NoopContextManager_1 = __nccwpck_require__(9522);
const global_utils_1 = __nccwpck_require__(9923);
const diag_1 = __nccwpck_require__(1230);
const API_NAME = 'context';
const NOOP_CONTEXT_MANAGER = new NoopContextManager_1.NoopContextManager();
/**
 * Singleton object which represents the entry point to the OpenTelemetry Context API
 *
 * @since 1.0.0
 */
class ContextAPI {
    /** Empty private constructor prevents end users from constructing a new instance of the API */
    constructor() { }
    /** Get the singleton instance of the Context API */
    static getInstance() {
        if (!this._instance) {
            this._instance = new ContextAPI();
        }
        return this._instance;
    }
    /**
     * Set the current context manager.
     *
     * @returns true if the context manager was successfully registered, else false
     */
    setGlobalContextManager(contextManager) {
        return (0, global_utils_1.registerGlobal)(API_NAME, contextManager, diag_1.DiagAPI.instance());
    }
    /**
     * Get the currently active context
     */
    active() {
        return this._getContextManager().active();
    }
    /**
     * Execute a function with an active context
     *
     * @param context context to be active during function execution
     * @param fn function to execute in a context
     * @param thisArg optional receiver to be used for calling fn
     * @param args optional arguments forwarded to fn
     */
    with(context, fn, thisArg, ...args) {
        return this._getContextManager().with(context, fn, thisArg, ...args);
    }
    /**
     * Bind a context to a target function or event emitter
     *
     * @param context context to bind to the event emitter or function. Defaults to the currently active context
     * @param target function or event emitter to bind
     */
    bind(context, target) {
        return this._getContextManager().bind(context, target);
    }
    _getContextManager() {
        return (0, global_utils_1.getGlobal)(API_NAME) || NOOP_CONTEXT_MANAGER;
    }
    /** Disable and remove the global context manager */
    disable() {
        this._getContextManager().disable();
        (0, global_utils_1.unregisterGlobal)(API_NAME, diag_1.DiagAPI.instance());
    }
}
exports.ContextAPI = ContextAPI;
//# sourceMappingURL=context.js.map

/***/ }),

/***/ 1230:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DiagAPI = void 0;
const ComponentLogger_1 = __nccwpck_require__(7723);
const logLevelLogger_1 = __nccwpck_require__(3514);
const types_1 = __nccwpck_require__(2573);
const global_utils_1 = __nccwpck_require__(9923);
const API_NAME = 'diag';
/**
 * Singleton object which represents the entry point to the OpenTelemetry internal
 * diagnostic API
 *
 * @since 1.0.0
 */
class DiagAPI {
    /** Get the singleton instance of the DiagAPI API */
    static instance() {
        if (!this._instance) {
            this._instance = new DiagAPI();
        }
        return this._instance;
    }
    /**
     * Private internal constructor
     * @private
     */
    constructor() {
        function _logProxy(funcName) {
            return function (...args) {
                const logger = (0, global_utils_1.getGlobal)('diag');
                // shortcut if logger not set
                if (!logger)
                    return;
                return logger[funcName](...args);
            };
        }
        // Using self local variable for minification purposes as 'this' cannot be minified
        const self = this;
        // DiagAPI specific functions
        const setLogger = (logger, optionsOrLogLevel = { logLevel: types_1.DiagLogLevel.INFO }) => {
            var _a, _b, _c;
            if (logger === self) {
                // There isn't much we can do here.
                // Logging to the console might break the user application.
                // Try to log to self. If a logger was previously registered it will receive the log.
                const err = new Error('Cannot use diag as the logger for itself. Please use a DiagLogger implementation like ConsoleDiagLogger or a custom implementation');
                self.error((_a = err.stack) !== null && _a !== void 0 ? _a : err.message);
                return false;
            }
            if (typeof optionsOrLogLevel === 'number') {
                optionsOrLogLevel = {
                    logLevel: optionsOrLogLevel,
                };
            }
            const oldLogger = (0, global_utils_1.getGlobal)('diag');
            const newLogger = (0, logLevelLogger_1.createLogLevelDiagLogger)((_b = optionsOrLogLevel.logLevel) !== null && _b !== void 0 ? _b : types_1.DiagLogLevel.INFO, logger);
            // There already is an logger registered. We'll let it know before overwriting it.
            if (oldLogger && !optionsOrLogLevel.suppressOverrideMessage) {
                const stack = (_c = new Error().stack) !== null && _c !== void 0 ? _c : '<failed to generate stacktrace>';
                oldLogger.warn(`Current logger will be overwritten from ${stack}`);
                newLogger.warn(`Current logger will overwrite one already registered from ${stack}`);
            }
            return (0, global_utils_1.registerGlobal)('diag', newLogger, self, true);
        };
        self.setLogger = setLogger;
        self.disable = () => {
            (0, global_utils_1.unregisterGlobal)(API_NAME, self);
        };
        self.createComponentLogger = (options) => {
            return new ComponentLogger_1.DiagComponentLogger(options);
        };
        self.verbose = _logProxy('verbose');
        self.debug = _logProxy('debug');
        self.info = _logProxy('info');
        self.warn = _logProxy('warn');
        self.error = _logProxy('error');
    }
}
exports.DiagAPI = DiagAPI;
//# sourceMappingURL=diag.js.map

/***/ }),

/***/ 8692:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MetricsAPI = void 0;
const NoopMeterProvider_1 = __nccwpck_require__(2896);
const global_utils_1 = __nccwpck_require__(9923);
const diag_1 = __nccwpck_require__(1230);
const API_NAME = 'metrics';
/**
 * Singleton object which represents the entry point to the OpenTelemetry Metrics API
 */
class MetricsAPI {
    /** Empty private constructor prevents end users from constructing a new instance of the API */
    constructor() { }
    /** Get the singleton instance of the Metrics API */
    static getInstance() {
        if (!this._instance) {
            this._instance = new MetricsAPI();
        }
        return this._instance;
    }
    /**
     * Set the current global meter provider.
     * Returns true if the meter provider was successfully registered, else false.
     */
    setGlobalMeterProvider(provider) {
        return (0, global_utils_1.registerGlobal)(API_NAME, provider, diag_1.DiagAPI.instance());
    }
    /**
     * Returns the global meter provider.
     */
    getMeterProvider() {
        return (0, global_utils_1.getGlobal)(API_NAME) || NoopMeterProvider_1.NOOP_METER_PROVIDER;
    }
    /**
     * Returns a meter from the global meter provider.
     */
    getMeter(name, version, options) {
        return this.getMeterProvider().getMeter(name, version, options);
    }
    /** Remove the global meter provider */
    disable() {
        (0, global_utils_1.unregisterGlobal)(API_NAME, diag_1.DiagAPI.instance());
    }
}
exports.MetricsAPI = MetricsAPI;
//# sourceMappingURL=metrics.js.map

/***/ }),

/***/ 7:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PropagationAPI = void 0;
const global_utils_1 = __nccwpck_require__(9923);
const NoopTextMapPropagator_1 = __nccwpck_require__(4353);
const TextMapPropagator_1 = __nccwpck_require__(7865);
const context_helpers_1 = __nccwpck_require__(52);
const utils_1 = __nccwpck_require__(8558);
const diag_1 = __nccwpck_require__(1230);
const API_NAME = 'propagation';
const NOOP_TEXT_MAP_PROPAGATOR = new NoopTextMapPropagator_1.NoopTextMapPropagator();
/**
 * Singleton object which represents the entry point to the OpenTelemetry Propagation API
 *
 * @since 1.0.0
 */
class PropagationAPI {
    /** Empty private constructor prevents end users from constructing a new instance of the API */
    constructor() {
        this.createBaggage = utils_1.createBaggage;
        this.getBaggage = context_helpers_1.getBaggage;
        this.getActiveBaggage = context_helpers_1.getActiveBaggage;
        this.setBaggage = context_helpers_1.setBaggage;
        this.deleteBaggage = context_helpers_1.deleteBaggage;
    }
    /** Get the singleton instance of the Propagator API */
    static getInstance() {
        if (!this._instance) {
            this._instance = new PropagationAPI();
        }
        return this._instance;
    }
    /**
     * Set the current propagator.
     *
     * @returns true if the propagator was successfully registered, else false
     */
    setGlobalPropagator(propagator) {
        return (0, global_utils_1.registerGlobal)(API_NAME, propagator, diag_1.DiagAPI.instance());
    }
    /**
     * Inject context into a carrier to be propagated inter-process
     *
     * @param context Context carrying tracing data to inject
     * @param carrier carrier to inject context into
     * @param setter Function used to set values on the carrier
     */
    inject(context, carrier, setter = TextMapPropagator_1.defaultTextMapSetter) {
        return this._getGlobalPropagator().inject(context, carrier, setter);
    }
    /**
     * Extract context from a carrier
     *
     * @param context Context which the newly created context will inherit from
     * @param carrier Carrier to extract context from
     * @param getter Function used to extract keys from a carrier
     */
    extract(context, carrier, getter = TextMapPropagator_1.defaultTextMapGetter) {
        return this._getGlobalPropagator().extract(context, carrier, getter);
    }
    /**
     * Return a list of all fields which may be used by the propagator.
     */
    fields() {
        return this._getGlobalPropagator().fields();
    }
    /** Remove the global propagator */
    disable() {
        (0, global_utils_1.unregisterGlobal)(API_NAME, diag_1.DiagAPI.instance());
    }
    _getGlobalPropagator() {
        return (0, global_utils_1.getGlobal)(API_NAME) || NOOP_TEXT_MAP_PROPAGATOR;
    }
}
exports.PropagationAPI = PropagationAPI;
//# sourceMappingURL=propagation.js.map

/***/ }),

/***/ 4508:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TraceAPI = void 0;
const global_utils_1 = __nccwpck_require__(9923);
const ProxyTracerProvider_1 = __nccwpck_require__(312);
const spancontext_utils_1 = __nccwpck_require__(639);
const context_utils_1 = __nccwpck_require__(2771);
const diag_1 = __nccwpck_require__(1230);
const API_NAME = 'trace';
/**
 * Singleton object which represents the entry point to the OpenTelemetry Tracing API
 *
 * @since 1.0.0
 */
class TraceAPI {
    /** Empty private constructor prevents end users from constructing a new instance of the API */
    constructor() {
        this._proxyTracerProvider = new ProxyTracerProvider_1.ProxyTracerProvider();
        this.wrapSpanContext = spancontext_utils_1.wrapSpanContext;
        this.isSpanContextValid = spancontext_utils_1.isSpanContextValid;
        this.deleteSpan = context_utils_1.deleteSpan;
        this.getSpan = context_utils_1.getSpan;
        this.getActiveSpan = context_utils_1.getActiveSpan;
        this.getSpanContext = context_utils_1.getSpanContext;
        this.setSpan = context_utils_1.setSpan;
        this.setSpanContext = context_utils_1.setSpanContext;
    }
    /** Get the singleton instance of the Trace API */
    static getInstance() {
        if (!this._instance) {
            this._instance = new TraceAPI();
        }
        return this._instance;
    }
    /**
     * Set the current global tracer.
     *
     * @returns true if the tracer provider was successfully registered, else false
     */
    setGlobalTracerProvider(provider) {
        const success = (0, global_utils_1.registerGlobal)(API_NAME, this._proxyTracerProvider, diag_1.DiagAPI.instance());
        if (success) {
            this._proxyTracerProvider.setDelegate(provider);
        }
        return success;
    }
    /**
     * Returns the global tracer provider.
     */
    getTracerProvider() {
        return (0, global_utils_1.getGlobal)(API_NAME) || this._proxyTracerProvider;
    }
    /**
     * Returns a tracer from the global tracer provider.
     */
    getTracer(name, version) {
        return this.getTracerProvider().getTracer(name, version);
    }
    /** Remove the global tracer provider */
    disable() {
        (0, global_utils_1.unregisterGlobal)(API_NAME, diag_1.DiagAPI.instance());
        this._proxyTracerProvider = new ProxyTracerProvider_1.ProxyTracerProvider();
    }
}
exports.TraceAPI = TraceAPI;
//# sourceMappingURL=trace.js.map

/***/ }),

/***/ 52:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.deleteBaggage = exports.setBaggage = exports.getActiveBaggage = exports.getBaggage = void 0;
const context_1 = __nccwpck_require__(9750);
const context_2 = __nccwpck_require__(7977);
/**
 * Baggage key
 */
const BAGGAGE_KEY = (0, context_2.createContextKey)('OpenTelemetry Baggage Key');
/**
 * Retrieve the current baggage from the given context
 *
 * @param {Context} Context that manage all context values
 * @returns {Baggage} Extracted baggage from the context
 */
function getBaggage(context) {
    return context.getValue(BAGGAGE_KEY) || undefined;
}
exports.getBaggage = getBaggage;
/**
 * Retrieve the current baggage from the active/current context
 *
 * @returns {Baggage} Extracted baggage from the context
 */
function getActiveBaggage() {
    return getBaggage(context_1.ContextAPI.getInstance().active());
}
exports.getActiveBaggage = getActiveBaggage;
/**
 * Store a baggage in the given context
 *
 * @param {Context} Context that manage all context values
 * @param {Baggage} baggage that will be set in the actual context
 */
function setBaggage(context, baggage) {
    return context.setValue(BAGGAGE_KEY, baggage);
}
exports.setBaggage = setBaggage;
/**
 * Delete the baggage stored in the given context
 *
 * @param {Context} Context that manage all context values
 */
function deleteBaggage(context) {
    return context.deleteValue(BAGGAGE_KEY);
}
exports.deleteBaggage = deleteBaggage;
//# sourceMappingURL=context-helpers.js.map

/***/ }),

/***/ 3274:
/***/ ((__unused_webpack_module, exports) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BaggageImpl = void 0;
class BaggageImpl {
    constructor(entries) {
        this._entries = entries ? new Map(entries) : new Map();
    }
    getEntry(key) {
        const entry = this._entries.get(key);
        if (!entry) {
            return undefined;
        }
        return Object.assign({}, entry);
    }
    getAllEntries() {
        return Array.from(this._entries.entries());
    }
    setEntry(key, entry) {
        const newBaggage = new BaggageImpl(this._entries);
        newBaggage._entries.set(key, entry);
        return newBaggage;
    }
    removeEntry(key) {
        const newBaggage = new BaggageImpl(this._entries);
        newBaggage._entries.delete(key);
        return newBaggage;
    }
    removeEntries(...keys) {
        const newBaggage = new BaggageImpl(this._entries);
        for (const key of keys) {
            newBaggage._entries.delete(key);
        }
        return newBaggage;
    }
    clear() {
        return new BaggageImpl();
    }
}
exports.BaggageImpl = BaggageImpl;
//# sourceMappingURL=baggage-impl.js.map

/***/ }),

/***/ 3997:
/***/ ((__unused_webpack_module, exports) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.baggageEntryMetadataSymbol = void 0;
/**
 * Symbol used to make BaggageEntryMetadata an opaque type
 */
exports.baggageEntryMetadataSymbol = Symbol('BaggageEntryMetadata');
//# sourceMappingURL=symbol.js.map

/***/ }),

/***/ 8558:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.baggageEntryMetadataFromString = exports.createBaggage = void 0;
const diag_1 = __nccwpck_require__(1230);
const baggage_impl_1 = __nccwpck_require__(3274);
const symbol_1 = __nccwpck_require__(3997);
const diag = diag_1.DiagAPI.instance();
/**
 * Create a new Baggage with optional entries
 *
 * @param entries An array of baggage entries the new baggage should contain
 */
function createBaggage(entries = {}) {
    return new baggage_impl_1.BaggageImpl(new Map(Object.entries(entries)));
}
exports.createBaggage = createBaggage;
/**
 * Create a serializable BaggageEntryMetadata object from a string.
 *
 * @param str string metadata. Format is currently not defined by the spec and has no special meaning.
 *
 * @since 1.0.0
 */
function baggageEntryMetadataFromString(str) {
    if (typeof str !== 'string') {
        diag.error(`Cannot create baggage metadata from unknown type: ${typeof str}`);
        str = '';
    }
    return {
        __TYPE__: symbol_1.baggageEntryMetadataSymbol,
        toString() {
            return str;
        },
    };
}
exports.baggageEntryMetadataFromString = baggageEntryMetadataFromString;
//# sourceMappingURL=utils.js.map

/***/ }),

/***/ 244:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.context = void 0;
// Split module-level variable definition into separate files to allow
// tree-shaking on each api instance.
const context_1 = __nccwpck_require__(9750);
/**
 * Entrypoint for context API
 * @since 1.0.0
 */
exports.context = context_1.ContextAPI.getInstance();
//# sourceMappingURL=context-api.js.map

/***/ }),

/***/ 9522:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NoopContextManager = void 0;
const context_1 = __nccwpck_require__(7977);
class NoopContextManager {
    active() {
        return context_1.ROOT_CONTEXT;
    }
    with(_context, fn, thisArg, ...args) {
        return fn.call(thisArg, ...args);
    }
    bind(_context, target) {
        return target;
    }
    enable() {
        return this;
    }
    disable() {
        return this;
    }
}
exports.NoopContextManager = NoopContextManager;
//# sourceMappingURL=NoopContextManager.js.map

/***/ }),

/***/ 7977:
/***/ ((__unused_webpack_module, exports) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ROOT_CONTEXT = exports.createContextKey = void 0;
/**
 * Get a key to uniquely identify a context value
 *
 * @since 1.0.0
 */
function createContextKey(description) {
    // The specification states that for the same input, multiple calls should
    // return different keys. Due to the nature of the JS dependency management
    // system, this creates problems where multiple versions of some package
    // could hold different keys for the same property.
    //
    // Therefore, we use Symbol.for which returns the same key for the same input.
    return Symbol.for(description);
}
exports.createContextKey = createContextKey;
class BaseContext {
    /**
     * Construct a new context which inherits values from an optional parent context.
     *
     * @param parentContext a context from which to inherit values
     */
    constructor(parentContext) {
        // for minification
        const self = this;
        self._currentContext = parentContext ? new Map(parentContext) : new Map();
        self.getValue = (key) => self._currentContext.get(key);
        self.setValue = (key, value) => {
            const context = new BaseContext(self._currentContext);
            context._currentContext.set(key, value);
            return context;
        };
        self.deleteValue = (key) => {
            const context = new BaseContext(self._currentContext);
            context._currentContext.delete(key);
            return context;
        };
    }
}
/**
 * The root context is used as the default parent context when there is no active context
 *
 * @since 1.0.0
 */
exports.ROOT_CONTEXT = new BaseContext();
//# sourceMappingURL=context.js.map

/***/ }),

/***/ 1414:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.diag = void 0;
// Split module-level variable definition into separate files to allow
// tree-shaking on each api instance.
const diag_1 = __nccwpck_require__(1230);
/**
 * Entrypoint for Diag API.
 * Defines Diagnostic handler used for internal diagnostic logging operations.
 * The default provides a Noop DiagLogger implementation which may be changed via the
 * diag.setLogger(logger: DiagLogger) function.
 *
 * @since 1.0.0
 */
exports.diag = diag_1.DiagAPI.instance();
//# sourceMappingURL=diag-api.js.map

/***/ }),

/***/ 7723:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DiagComponentLogger = void 0;
const global_utils_1 = __nccwpck_require__(9923);
/**
 * Component Logger which is meant to be used as part of any component which
 * will add automatically additional namespace in front of the log message.
 * It will then forward all message to global diag logger
 * @example
 * const cLogger = diag.createComponentLogger({ namespace: '@opentelemetry/instrumentation-http' });
 * cLogger.debug('test');
 * // @opentelemetry/instrumentation-http test
 */
class DiagComponentLogger {
    constructor(props) {
        this._namespace = props.namespace || 'DiagComponentLogger';
    }
    debug(...args) {
        return logProxy('debug', this._namespace, args);
    }
    error(...args) {
        return logProxy('error', this._namespace, args);
    }
    info(...args) {
        return logProxy('info', this._namespace, args);
    }
    warn(...args) {
        return logProxy('warn', this._namespace, args);
    }
    verbose(...args) {
        return logProxy('verbose', this._namespace, args);
    }
}
exports.DiagComponentLogger = DiagComponentLogger;
function logProxy(funcName, namespace, args) {
    const logger = (0, global_utils_1.getGlobal)('diag');
    // shortcut if logger not set
    if (!logger) {
        return;
    }
    return logger[funcName](namespace, ...args);
}
//# sourceMappingURL=ComponentLogger.js.map

/***/ }),

/***/ 6769:
/***/ ((__unused_webpack_module, exports) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DiagConsoleLogger = exports._originalConsoleMethods = void 0;
const consoleMap = [
    { n: 'error', c: 'error' },
    { n: 'warn', c: 'warn' },
    { n: 'info', c: 'info' },
    { n: 'debug', c: 'debug' },
    { n: 'verbose', c: 'trace' },
];
// Save original console methods at module load time, before any instrumentation
// can wrap them. This ensures DiagConsoleLogger calls the unwrapped originals.
// Exported for testing only — not part of the public API.
exports._originalConsoleMethods = {};
if (typeof console !== 'undefined') {
    const keys = [
        'error',
        'warn',
        'info',
        'debug',
        'trace',
        'log',
    ];
    for (const key of keys) {
        // eslint-disable-next-line no-console
        if (typeof console[key] === 'function') {
            // eslint-disable-next-line no-console
            exports._originalConsoleMethods[key] = console[key];
        }
    }
}
/**
 * A simple Immutable Console based diagnostic logger which will output any messages to the Console.
 * If you want to limit the amount of logging to a specific level or lower use the
 * {@link createLogLevelDiagLogger}
 *
 * @since 1.0.0
 */
class DiagConsoleLogger {
    constructor() {
        function _consoleFunc(funcName) {
            return function (...args) {
                // Prefer original (pre-instrumentation) methods saved at module load time.
                let theFunc = exports._originalConsoleMethods[funcName];
                // Some environments only expose the console when the F12 developer console is open
                if (typeof theFunc !== 'function') {
                    theFunc = exports._originalConsoleMethods['log'];
                }
                // Fall back in case console was not available at module load time but became available later.
                if (typeof theFunc !== 'function' && console) {
                    // eslint-disable-next-line no-console
                    theFunc = console[funcName];
                    if (typeof theFunc !== 'function') {
                        // eslint-disable-next-line no-console
                        theFunc = console.log;
                    }
                }
                if (typeof theFunc === 'function') {
                    return theFunc.apply(console, args);
                }
            };
        }
        for (let i = 0; i < consoleMap.length; i++) {
            this[consoleMap[i].n] = _consoleFunc(consoleMap[i].c);
        }
    }
}
exports.DiagConsoleLogger = DiagConsoleLogger;
//# sourceMappingURL=consoleLogger.js.map

/***/ }),

/***/ 3514:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.createLogLevelDiagLogger = void 0;
const types_1 = __nccwpck_require__(2573);
function createLogLevelDiagLogger(maxLevel, logger) {
    if (maxLevel < types_1.DiagLogLevel.NONE) {
        maxLevel = types_1.DiagLogLevel.NONE;
    }
    else if (maxLevel > types_1.DiagLogLevel.ALL) {
        maxLevel = types_1.DiagLogLevel.ALL;
    }
    // In case the logger is null or undefined
    logger = logger || {};
    function _filterFunc(funcName, theLevel) {
        const theFunc = logger[funcName];
        if (typeof theFunc === 'function' && maxLevel >= theLevel) {
            return theFunc.bind(logger);
        }
        return function () { };
    }
    return {
        error: _filterFunc('error', types_1.DiagLogLevel.ERROR),
        warn: _filterFunc('warn', types_1.DiagLogLevel.WARN),
        info: _filterFunc('info', types_1.DiagLogLevel.INFO),
        debug: _filterFunc('debug', types_1.DiagLogLevel.DEBUG),
        verbose: _filterFunc('verbose', types_1.DiagLogLevel.VERBOSE),
    };
}
exports.createLogLevelDiagLogger = createLogLevelDiagLogger;
//# sourceMappingURL=logLevelLogger.js.map

/***/ }),

/***/ 2573:
/***/ ((__unused_webpack_module, exports) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DiagLogLevel = void 0;
/**
 * Defines the available internal logging levels for the diagnostic logger, the numeric values
 * of the levels are defined to match the original values from the initial LogLevel to avoid
 * compatibility/migration issues for any implementation that assume the numeric ordering.
 */
var DiagLogLevel;
(function (DiagLogLevel) {
    /** Diagnostic Logging level setting to disable all logging (except and forced logs) */
    DiagLogLevel[DiagLogLevel["NONE"] = 0] = "NONE";
    /** Identifies an error scenario */
    DiagLogLevel[DiagLogLevel["ERROR"] = 30] = "ERROR";
    /** Identifies a warning scenario */
    DiagLogLevel[DiagLogLevel["WARN"] = 50] = "WARN";
    /** General informational log message */
    DiagLogLevel[DiagLogLevel["INFO"] = 60] = "INFO";
    /** General debug log message */
    DiagLogLevel[DiagLogLevel["DEBUG"] = 70] = "DEBUG";
    /**
     * Detailed trace level logging should only be used for development, should only be set
     * in a development environment.
     */
    DiagLogLevel[DiagLogLevel["VERBOSE"] = 80] = "VERBOSE";
    /** Used to set the logging level to include all logging */
    DiagLogLevel[DiagLogLevel["ALL"] = 9999] = "ALL";
})(DiagLogLevel = exports.DiagLogLevel || (exports.DiagLogLevel = {}));
//# sourceMappingURL=types.js.map

/***/ }),

/***/ 3914:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.trace = exports.propagation = exports.metrics = exports.diag = exports.context = exports.INVALID_SPAN_CONTEXT = exports.INVALID_TRACEID = exports.INVALID_SPANID = exports.isValidSpanId = exports.isValidTraceId = exports.isSpanContextValid = exports.createTraceState = exports.TraceFlags = exports.SpanStatusCode = exports.SpanKind = exports.SamplingDecision = exports.ProxyTracerProvider = exports.ProxyTracer = exports.defaultTextMapSetter = exports.defaultTextMapGetter = exports.ValueType = exports.createNoopMeter = exports.DiagLogLevel = exports.DiagConsoleLogger = exports.ROOT_CONTEXT = exports.createContextKey = exports.baggageEntryMetadataFromString = void 0;
var utils_1 = __nccwpck_require__(8558);
Object.defineProperty(exports, "baggageEntryMetadataFromString", ({ enumerable: true, get: function () { return utils_1.baggageEntryMetadataFromString; } }));
// Context APIs
var context_1 = __nccwpck_require__(7977);
Object.defineProperty(exports, "createContextKey", ({ enumerable: true, get: function () { return context_1.createContextKey; } }));
Object.defineProperty(exports, "ROOT_CONTEXT", ({ enumerable: true, get: function () { return context_1.ROOT_CONTEXT; } }));
// Diag APIs
var consoleLogger_1 = __nccwpck_require__(6769);
Object.defineProperty(exports, "DiagConsoleLogger", ({ enumerable: true, get: function () { return consoleLogger_1.DiagConsoleLogger; } }));
var types_1 = __nccwpck_require__(2573);
Object.defineProperty(exports, "DiagLogLevel", ({ enumerable: true, get: function () { return types_1.DiagLogLevel; } }));
// Metrics APIs
var NoopMeter_1 = __nccwpck_require__(7017);
Object.defineProperty(exports, "createNoopMeter", ({ enumerable: true, get: function () { return NoopMeter_1.createNoopMeter; } }));
var Metric_1 = __nccwpck_require__(3814);
Object.defineProperty(exports, "ValueType", ({ enumerable: true, get: function () { return Metric_1.ValueType; } }));
// Propagation APIs
var TextMapPropagator_1 = __nccwpck_require__(7865);
Object.defineProperty(exports, "defaultTextMapGetter", ({ enumerable: true, get: function () { return TextMapPropagator_1.defaultTextMapGetter; } }));
Object.defineProperty(exports, "defaultTextMapSetter", ({ enumerable: true, get: function () { return TextMapPropagator_1.defaultTextMapSetter; } }));
var ProxyTracer_1 = __nccwpck_require__(4833);
Object.defineProperty(exports, "ProxyTracer", ({ enumerable: true, get: function () { return ProxyTracer_1.ProxyTracer; } }));
// TODO: Remove ProxyTracerProvider export in the next major version.
var ProxyTracerProvider_1 = __nccwpck_require__(312);
Object.defineProperty(exports, "ProxyTracerProvider", ({ enumerable: true, get: function () { return ProxyTracerProvider_1.ProxyTracerProvider; } }));
var SamplingResult_1 = __nccwpck_require__(434);
Object.defineProperty(exports, "SamplingDecision", ({ enumerable: true, get: function () { return SamplingResult_1.SamplingDecision; } }));
var span_kind_1 = __nccwpck_require__(2347);
Object.defineProperty(exports, "SpanKind", ({ enumerable: true, get: function () { return span_kind_1.SpanKind; } }));
var status_1 = __nccwpck_require__(1524);
Object.defineProperty(exports, "SpanStatusCode", ({ enumerable: true, get: function () { return status_1.SpanStatusCode; } }));
var trace_flags_1 = __nccwpck_require__(7221);
Object.defineProperty(exports, "TraceFlags", ({ enumerable: true, get: function () { return trace_flags_1.TraceFlags; } }));
var utils_2 = __nccwpck_require__(969);
Object.defineProperty(exports, "createTraceState", ({ enumerable: true, get: function () { return utils_2.createTraceState; } }));
var spancontext_utils_1 = __nccwpck_require__(639);
Object.defineProperty(exports, "isSpanContextValid", ({ enumerable: true, get: function () { return spancontext_utils_1.isSpanContextValid; } }));
Object.defineProperty(exports, "isValidTraceId", ({ enumerable: true, get: function () { return spancontext_utils_1.isValidTraceId; } }));
Object.defineProperty(exports, "isValidSpanId", ({ enumerable: true, get: function () { return spancontext_utils_1.isValidSpanId; } }));
var invalid_span_constants_1 = __nccwpck_require__(7088);
Object.defineProperty(exports, "INVALID_SPANID", ({ enumerable: true, get: function () { return invalid_span_constants_1.INVALID_SPANID; } }));
Object.defineProperty(exports, "INVALID_TRACEID", ({ enumerable: true, get: function () { return invalid_span_constants_1.INVALID_TRACEID; } }));
Object.defineProperty(exports, "INVALID_SPAN_CONTEXT", ({ enumerable: true, get: function () { return invalid_span_constants_1.INVALID_SPAN_CONTEXT; } }));
// Split module-level variable definition into separate files to allow
// tree-shaking on each api instance.
const context_api_1 = __nccwpck_require__(244);
Object.defineProperty(exports, "context", ({ enumerable: true, get: function () { return context_api_1.context; } }));
const diag_api_1 = __nccwpck_require__(1414);
Object.defineProperty(exports, "diag", ({ enumerable: true, get: function () { return diag_api_1.diag; } }));
const metrics_api_1 = __nccwpck_require__(4434);
Object.defineProperty(exports, "metrics", ({ enumerable: true, get: function () { return metrics_api_1.metrics; } }));
const propagation_api_1 = __nccwpck_require__(6389);
Object.defineProperty(exports, "propagation", ({ enumerable: true, get: function () { return propagation_api_1.propagation; } }));
const trace_api_1 = __nccwpck_require__(6542);
Object.defineProperty(exports, "trace", ({ enumerable: true, get: function () { return trace_api_1.trace; } }));
// Default export.
exports["default"] = {
    context: context_api_1.context,
    diag: diag_api_1.diag,
    metrics: metrics_api_1.metrics,
    propagation: propagation_api_1.propagation,
    trace: trace_api_1.trace,
};
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 9923:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.unregisterGlobal = exports.getGlobal = exports.registerGlobal = void 0;
const version_1 = __nccwpck_require__(9390);
const semver_1 = __nccwpck_require__(5088);
const major = version_1.VERSION.split('.')[0];
const GLOBAL_OPENTELEMETRY_API_KEY = Symbol.for(`opentelemetry.js.api.${major}`);
const _global = (typeof globalThis === 'object'
    ? globalThis
    : typeof self === 'object'
        ? self
        : typeof window === 'object'
            ? window
            : typeof global === 'object'
                ? global
                : {});
function registerGlobal(type, instance, diag, allowOverride = false) {
    var _a;
    const api = (_global[GLOBAL_OPENTELEMETRY_API_KEY] = (_a = _global[GLOBAL_OPENTELEMETRY_API_KEY]) !== null && _a !== void 0 ? _a : {
        version: version_1.VERSION,
    });
    if (!allowOverride && api[type]) {
        // already registered an API of this type
        const err = new Error(`@opentelemetry/api: Attempted duplicate registration of API: ${type}`);
        diag.error(err.stack || err.message);
        return false;
    }
    if (api.version !== version_1.VERSION) {
        // All registered APIs must be of the same version exactly
        const err = new Error(`@opentelemetry/api: Registration of version v${api.version} for ${type} does not match previously registered API v${version_1.VERSION}`);
        diag.error(err.stack || err.message);
        return false;
    }
    api[type] = instance;
    diag.debug(`@opentelemetry/api: Registered a global for ${type} v${version_1.VERSION}.`);
    return true;
}
exports.registerGlobal = registerGlobal;
function getGlobal(type) {
    var _a, _b;
    const globalVersion = (_a = _global[GLOBAL_OPENTELEMETRY_API_KEY]) === null || _a === void 0 ? void 0 : _a.version;
    if (!globalVersion || !(0, semver_1.isCompatible)(globalVersion)) {
        return;
    }
    return (_b = _global[GLOBAL_OPENTELEMETRY_API_KEY]) === null || _b === void 0 ? void 0 : _b[type];
}
exports.getGlobal = getGlobal;
function unregisterGlobal(type, diag) {
    diag.debug(`@opentelemetry/api: Unregistering a global for ${type} v${version_1.VERSION}.`);
    const api = _global[GLOBAL_OPENTELEMETRY_API_KEY];
    if (api) {
        delete api[type];
    }
}
exports.unregisterGlobal = unregisterGlobal;
//# sourceMappingURL=global-utils.js.map

/***/ }),

/***/ 5088:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isCompatible = exports._makeCompatibilityCheck = void 0;
const version_1 = __nccwpck_require__(9390);
const re = /^(\d+)\.(\d+)\.(\d+)(-(.+))?$/;
/**
 * Create a function to test an API version to see if it is compatible with the provided ownVersion.
 *
 * The returned function has the following semantics:
 * - Exact match is always compatible
 * - Major versions must match exactly
 *    - 1.x package cannot use global 2.x package
 *    - 2.x package cannot use global 1.x package
 * - The minor version of the API module requesting access to the global API must be less than or equal to the minor version of this API
 *    - 1.3 package may use 1.4 global because the later global contains all functions 1.3 expects
 *    - 1.4 package may NOT use 1.3 global because it may try to call functions which don't exist on 1.3
 * - If the major version is 0, the minor version is treated as the major and the patch is treated as the minor
 * - Patch and build tag differences are not considered at this time
 *
 * @param ownVersion version which should be checked against
 */
function _makeCompatibilityCheck(ownVersion) {
    const acceptedVersions = new Set([ownVersion]);
    const rejectedVersions = new Set();
    const myVersionMatch = ownVersion.match(re);
    if (!myVersionMatch) {
        // we cannot guarantee compatibility so we always return noop
        return () => false;
    }
    const ownVersionParsed = {
        major: +myVersionMatch[1],
        minor: +myVersionMatch[2],
        patch: +myVersionMatch[3],
        prerelease: myVersionMatch[4],
    };
    // if ownVersion has a prerelease tag, versions must match exactly
    if (ownVersionParsed.prerelease != null) {
        return function isExactmatch(globalVersion) {
            return globalVersion === ownVersion;
        };
    }
    function _reject(v) {
        rejectedVersions.add(v);
        return false;
    }
    function _accept(v) {
        acceptedVersions.add(v);
        return true;
    }
    return function isCompatible(globalVersion) {
        if (acceptedVersions.has(globalVersion)) {
            return true;
        }
        if (rejectedVersions.has(globalVersion)) {
            return false;
        }
        const globalVersionMatch = globalVersion.match(re);
        if (!globalVersionMatch) {
            // cannot parse other version
            // we cannot guarantee compatibility so we always noop
            return _reject(globalVersion);
        }
        const globalVersionParsed = {
            major: +globalVersionMatch[1],
            minor: +globalVersionMatch[2],
            patch: +globalVersionMatch[3],
            prerelease: globalVersionMatch[4],
        };
        // if globalVersion has a prerelease tag, versions must match exactly
        if (globalVersionParsed.prerelease != null) {
            return _reject(globalVersion);
        }
        // major versions must match
        if (ownVersionParsed.major !== globalVersionParsed.major) {
            return _reject(globalVersion);
        }
        if (ownVersionParsed.major === 0) {
            if (ownVersionParsed.minor === globalVersionParsed.minor &&
                ownVersionParsed.patch <= globalVersionParsed.patch) {
                return _accept(globalVersion);
            }
            return _reject(globalVersion);
        }
        if (ownVersionParsed.minor <= globalVersionParsed.minor) {
            return _accept(globalVersion);
        }
        return _reject(globalVersion);
    };
}
exports._makeCompatibilityCheck = _makeCompatibilityCheck;
/**
 * Test an API version to see if it is compatible with this API.
 *
 * - Exact match is always compatible
 * - Major versions must match exactly
 *    - 1.x package cannot use global 2.x package
 *    - 2.x package cannot use global 1.x package
 * - The minor version of the API module requesting access to the global API must be less than or equal to the minor version of this API
 *    - 1.3 package may use 1.4 global because the later global contains all functions 1.3 expects
 *    - 1.4 package may NOT use 1.3 global because it may try to call functions which don't exist on 1.3
 * - If the major version is 0, the minor version is treated as the major and the patch is treated as the minor
 * - Patch and build tag differences are not considered at this time
 *
 * @param version version of the API requesting an instance of the global API
 */
exports.isCompatible = _makeCompatibilityCheck(version_1.VERSION);
//# sourceMappingURL=semver.js.map

/***/ }),

/***/ 4434:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.metrics = void 0;
// Split module-level variable definition into separate files to allow
// tree-shaking on each api instance.
const metrics_1 = __nccwpck_require__(8692);
/**
 * Entrypoint for metrics API
 *
 * @since 1.3.0
 */
exports.metrics = metrics_1.MetricsAPI.getInstance();
//# sourceMappingURL=metrics-api.js.map

/***/ }),

/***/ 3814:
/***/ ((__unused_webpack_module, exports) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ValueType = void 0;
/**
 * The Type of value. It describes how the data is reported.
 *
 * @since 1.3.0
 */
var ValueType;
(function (ValueType) {
    ValueType[ValueType["INT"] = 0] = "INT";
    ValueType[ValueType["DOUBLE"] = 1] = "DOUBLE";
})(ValueType = exports.ValueType || (exports.ValueType = {}));
//# sourceMappingURL=Metric.js.map

/***/ }),

/***/ 7017:
/***/ ((__unused_webpack_module, exports) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.createNoopMeter = exports.NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC = exports.NOOP_OBSERVABLE_GAUGE_METRIC = exports.NOOP_OBSERVABLE_COUNTER_METRIC = exports.NOOP_UP_DOWN_COUNTER_METRIC = exports.NOOP_HISTOGRAM_METRIC = exports.NOOP_GAUGE_METRIC = exports.NOOP_COUNTER_METRIC = exports.NOOP_METER = exports.NoopObservableUpDownCounterMetric = exports.NoopObservableGaugeMetric = exports.NoopObservableCounterMetric = exports.NoopObservableMetric = exports.NoopHistogramMetric = exports.NoopGaugeMetric = exports.NoopUpDownCounterMetric = exports.NoopCounterMetric = exports.NoopMetric = exports.NoopMeter = void 0;
/**
 * NoopMeter is a noop implementation of the {@link Meter} interface. It reuses
 * constant NoopMetrics for all of its methods.
 */
class NoopMeter {
    constructor() { }
    /**
     * @see {@link Meter.createGauge}
     */
    createGauge(_name, _options) {
        return exports.NOOP_GAUGE_METRIC;
    }
    /**
     * @see {@link Meter.createHistogram}
     */
    createHistogram(_name, _options) {
        return exports.NOOP_HISTOGRAM_METRIC;
    }
    /**
     * @see {@link Meter.createCounter}
     */
    createCounter(_name, _options) {
        return exports.NOOP_COUNTER_METRIC;
    }
    /**
     * @see {@link Meter.createUpDownCounter}
     */
    createUpDownCounter(_name, _options) {
        return exports.NOOP_UP_DOWN_COUNTER_METRIC;
    }
    /**
     * @see {@link Meter.createObservableGauge}
     */
    createObservableGauge(_name, _options) {
        return exports.NOOP_OBSERVABLE_GAUGE_METRIC;
    }
    /**
     * @see {@link Meter.createObservableCounter}
     */
    createObservableCounter(_name, _options) {
        return exports.NOOP_OBSERVABLE_COUNTER_METRIC;
    }
    /**
     * @see {@link Meter.createObservableUpDownCounter}
     */
    createObservableUpDownCounter(_name, _options) {
        return exports.NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC;
    }
    /**
     * @see {@link Meter.addBatchObservableCallback}
     */
    addBatchObservableCallback(_callback, _observables) { }
    /**
     * @see {@link Meter.removeBatchObservableCallback}
     */
    removeBatchObservableCallback(_callback) { }
}
exports.NoopMeter = NoopMeter;
class NoopMetric {
}
exports.NoopMetric = NoopMetric;
class NoopCounterMetric extends NoopMetric {
    add(_value, _attributes) { }
}
exports.NoopCounterMetric = NoopCounterMetric;
class NoopUpDownCounterMetric extends NoopMetric {
    add(_value, _attributes) { }
}
exports.NoopUpDownCounterMetric = NoopUpDownCounterMetric;
class NoopGaugeMetric extends NoopMetric {
    record(_value, _attributes) { }
}
exports.NoopGaugeMetric = NoopGaugeMetric;
class NoopHistogramMetric extends NoopMetric {
    record(_value, _attributes) { }
}
exports.NoopHistogramMetric = NoopHistogramMetric;
class NoopObservableMetric {
    addCallback(_callback) { }
    removeCallback(_callback) { }
}
exports.NoopObservableMetric = NoopObservableMetric;
class NoopObservableCounterMetric extends NoopObservableMetric {
}
exports.NoopObservableCounterMetric = NoopObservableCounterMetric;
class NoopObservableGaugeMetric extends NoopObservableMetric {
}
exports.NoopObservableGaugeMetric = NoopObservableGaugeMetric;
class NoopObservableUpDownCounterMetric extends NoopObservableMetric {
}
exports.NoopObservableUpDownCounterMetric = NoopObservableUpDownCounterMetric;
exports.NOOP_METER = new NoopMeter();
// Synchronous instruments
exports.NOOP_COUNTER_METRIC = new NoopCounterMetric();
exports.NOOP_GAUGE_METRIC = new NoopGaugeMetric();
exports.NOOP_HISTOGRAM_METRIC = new NoopHistogramMetric();
exports.NOOP_UP_DOWN_COUNTER_METRIC = new NoopUpDownCounterMetric();
// Asynchronous instruments
exports.NOOP_OBSERVABLE_COUNTER_METRIC = new NoopObservableCounterMetric();
exports.NOOP_OBSERVABLE_GAUGE_METRIC = new NoopObservableGaugeMetric();
exports.NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC = new NoopObservableUpDownCounterMetric();
/**
 * Create a no-op Meter
 *
 * @since 1.3.0
 */
function createNoopMeter() {
    return exports.NOOP_METER;
}
exports.createNoopMeter = createNoopMeter;
//# sourceMappingURL=NoopMeter.js.map

/***/ }),

/***/ 2896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NOOP_METER_PROVIDER = exports.NoopMeterProvider = void 0;
const NoopMeter_1 = __nccwpck_require__(7017);
/**
 * An implementation of the {@link MeterProvider} which returns an impotent Meter
 * for all calls to `getMeter`
 */
class NoopMeterProvider {
    getMeter(_name, _version, _options) {
        return NoopMeter_1.NOOP_METER;
    }
}
exports.NoopMeterProvider = NoopMeterProvider;
exports.NOOP_METER_PROVIDER = new NoopMeterProvider();
//# sourceMappingURL=NoopMeterProvider.js.map

/***/ }),

/***/ 6389:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.propagation = void 0;
// Split module-level variable definition into separate files to allow
// tree-shaking on each api instance.
const propagation_1 = __nccwpck_require__(7);
/**
 * Entrypoint for propagation API
 *
 * @since 1.0.0
 */
exports.propagation = propagation_1.PropagationAPI.getInstance();
//# sourceMappingURL=propagation-api.js.map

/***/ }),

/***/ 4353:
/***/ ((__unused_webpack_module, exports) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NoopTextMapPropagator = void 0;
/**
 * No-op implementations of {@link TextMapPropagator}.
 */
class NoopTextMapPropagator {
    /** Noop inject function does nothing */
    inject(_context, _carrier) { }
    /** Noop extract function does nothing and returns the input context */
    extract(context, _carrier) {
        return context;
    }
    fields() {
        return [];
    }
}
exports.NoopTextMapPropagator = NoopTextMapPropagator;
//# sourceMappingURL=NoopTextMapPropagator.js.map

/***/ }),

/***/ 7865:
/***/ ((__unused_webpack_module, exports) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.defaultTextMapSetter = exports.defaultTextMapGetter = void 0;
/**
 * @since 1.0.0
 */
exports.defaultTextMapGetter = {
    get(carrier, key) {
        if (carrier == null) {
            return undefined;
        }
        return carrier[key];
    },
    keys(carrier) {
        if (carrier == null) {
            return [];
        }
        return Object.keys(carrier);
    },
};
/**
 * @since 1.0.0
 */
exports.defaultTextMapSetter = {
    set(carrier, key, value) {
        if (carrier == null) {
            return;
        }
        carrier[key] = value;
    },
};
//# sourceMappingURL=TextMapPropagator.js.map

/***/ }),

/***/ 6542:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.trace = void 0;
// Split module-level variable definition into separate files to allow
// tree-shaking on each api instance.
const trace_1 = __nccwpck_require__(4508);
/**
 * Entrypoint for trace API
 *
 * @since 1.0.0
 */
exports.trace = trace_1.TraceAPI.getInstance();
//# sourceMappingURL=trace-api.js.map

/***/ }),

/***/ 7168:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NonRecordingSpan = void 0;
const invalid_span_constants_1 = __nccwpck_require__(7088);
/**
 * The NonRecordingSpan is the default {@link Span} that is used when no Span
 * implementation is available. All operations are no-op including context
 * propagation.
 */
class NonRecordingSpan {
    constructor(spanContext = invalid_span_constants_1.INVALID_SPAN_CONTEXT) {
        this._spanContext = spanContext;
    }
    // Returns a SpanContext.
    spanContext() {
        return this._spanContext;
    }
    // By default does nothing
    setAttribute(_key, _value) {
        return this;
    }
    // By default does nothing
    setAttributes(_attributes) {
        return this;
    }
    // By default does nothing
    addEvent(_name, _attributes) {
        return this;
    }
    addLink(_link) {
        return this;
    }
    addLinks(_links) {
        return this;
    }
    // By default does nothing
    setStatus(_status) {
        return this;
    }
    // By default does nothing
    updateName(_name) {
        return this;
    }
    // By default does nothing
    end(_endTime) { }
    // isRecording always returns false for NonRecordingSpan.
    isRecording() {
        return false;
    }
    // By default does nothing
    recordException(_exception, _time) { }
}
exports.NonRecordingSpan = NonRecordingSpan;
//# sourceMappingURL=NonRecordingSpan.js.map

/***/ }),

/***/ 9051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NoopTracer = void 0;
const context_1 = __nccwpck_require__(9750);
const context_utils_1 = __nccwpck_require__(2771);
const NonRecordingSpan_1 = __nccwpck_require__(7168);
const spancontext_utils_1 = __nccwpck_require__(639);
const contextApi = context_1.ContextAPI.getInstance();
/**
 * No-op implementations of {@link Tracer}.
 */
class NoopTracer {
    // startSpan starts a noop span.
    startSpan(name, options, context = contextApi.active()) {
        const root = Boolean(options === null || options === void 0 ? void 0 : options.root);
        if (root) {
            return new NonRecordingSpan_1.NonRecordingSpan();
        }
        const parentFromContext = context && (0, context_utils_1.getSpanContext)(context);
        if (isSpanContext(parentFromContext) &&
            (0, spancontext_utils_1.isSpanContextValid)(parentFromContext)) {
            return new NonRecordingSpan_1.NonRecordingSpan(parentFromContext);
        }
        else {
            return new NonRecordingSpan_1.NonRecordingSpan();
        }
    }
    startActiveSpan(name, arg2, arg3, arg4) {
        let opts;
        let ctx;
        let fn;
        if (arguments.length < 2) {
            return;
        }
        else if (arguments.length === 2) {
            fn = arg2;
        }
        else if (arguments.length === 3) {
            opts = arg2;
            fn = arg3;
        }
        else {
            opts = arg2;
            ctx = arg3;
            fn = arg4;
        }
        const parentContext = ctx !== null && ctx !== void 0 ? ctx : contextApi.active();
        const span = this.startSpan(name, opts, parentContext);
        const contextWithSpanSet = (0, context_utils_1.setSpan)(parentContext, span);
        return contextApi.with(contextWithSpanSet, fn, undefined, span);
    }
}
exports.NoopTracer = NoopTracer;
function isSpanContext(spanContext) {
    return (spanContext !== null &&
        typeof spanContext === 'object' &&
        'spanId' in spanContext &&
        typeof spanContext['spanId'] === 'string' &&
        'traceId' in spanContext &&
        typeof spanContext['traceId'] === 'string' &&
        'traceFlags' in spanContext &&
        typeof spanContext['traceFlags'] === 'number');
}
//# sourceMappingURL=NoopTracer.js.map

/***/ }),

/***/ 4602:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NoopTracerProvider = void 0;
const NoopTracer_1 = __nccwpck_require__(9051);
/**
 * An implementation of the {@link TracerProvider} which returns an impotent
 * Tracer for all calls to `getTracer`.
 *
 * All operations are no-op.
 */
class NoopTracerProvider {
    getTracer(_name, _version, _options) {
        return new NoopTracer_1.NoopTracer();
    }
}
exports.NoopTracerProvider = NoopTracerProvider;
//# sourceMappingURL=NoopTracerProvider.js.map

/***/ }),

/***/ 4833:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ProxyTracer = void 0;
const NoopTracer_1 = __nccwpck_require__(9051);
const NOOP_TRACER = new NoopTracer_1.NoopTracer();
/**
 * Proxy tracer provided by the proxy tracer provider
 *
 * @since 1.0.0
 */
class ProxyTracer {
    constructor(provider, name, version, options) {
        this._provider = provider;
        this.name = name;
        this.version = version;
        this.options = options;
    }
    startSpan(name, options, context) {
        return this._getTracer().startSpan(name, options, context);
    }
    startActiveSpan(_name, _options, _context, _fn) {
        const tracer = this._getTracer();
        return Reflect.apply(tracer.startActiveSpan, tracer, arguments);
    }
    /**
     * Try to get a tracer from the proxy tracer provider.
     * If the proxy tracer provider has no delegate, return a noop tracer.
     */
    _getTracer() {
        if (this._delegate) {
            return this._delegate;
        }
        const tracer = this._provider.getDelegateTracer(this.name, this.version, this.options);
        if (!tracer) {
            return NOOP_TRACER;
        }
        this._delegate = tracer;
        return this._delegate;
    }
}
exports.ProxyTracer = ProxyTracer;
//# sourceMappingURL=ProxyTracer.js.map

/***/ }),

/***/ 312:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ProxyTracerProvider = void 0;
const ProxyTracer_1 = __nccwpck_require__(4833);
const NoopTracerProvider_1 = __nccwpck_require__(4602);
const NOOP_TRACER_PROVIDER = new NoopTracerProvider_1.NoopTracerProvider();
/**
 * Tracer provider which provides {@link ProxyTracer}s.
 *
 * Before a delegate is set, tracers provided are NoOp.
 *   When a delegate is set, traces are provided from the delegate.
 *   When a delegate is set after tracers have already been provided,
 *   all tracers already provided will use the provided delegate implementation.
 *
 * @deprecated This will be removed in the next major version.
 * @since 1.0.0
 */
class ProxyTracerProvider {
    /**
     * Get a {@link ProxyTracer}
     */
    getTracer(name, version, options) {
        var _a;
        return ((_a = this.getDelegateTracer(name, version, options)) !== null && _a !== void 0 ? _a : new ProxyTracer_1.ProxyTracer(this, name, version, options));
    }
    getDelegate() {
        var _a;
        return (_a = this._delegate) !== null && _a !== void 0 ? _a : NOOP_TRACER_PROVIDER;
    }
    /**
     * Set the delegate tracer provider
     */
    setDelegate(delegate) {
        this._delegate = delegate;
    }
    getDelegateTracer(name, version, options) {
        var _a;
        return (_a = this._delegate) === null || _a === void 0 ? void 0 : _a.getTracer(name, version, options);
    }
}
exports.ProxyTracerProvider = ProxyTracerProvider;
//# sourceMappingURL=ProxyTracerProvider.js.map

/***/ }),

/***/ 434:
/***/ ((__unused_webpack_module, exports) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SamplingDecision = void 0;
/**
 * @deprecated use the one declared in @opentelemetry/sdk-trace-base instead.
 * A sampling decision that determines how a {@link Span} will be recorded
 * and collected.
 *
 * @since 1.0.0
 */
var SamplingDecision;
(function (SamplingDecision) {
    /**
     * `Span.isRecording() === false`, span will not be recorded and all events
     * and attributes will be dropped.
     */
    SamplingDecision[SamplingDecision["NOT_RECORD"] = 0] = "NOT_RECORD";
    /**
     * `Span.isRecording() === true`, but `Sampled` flag in {@link TraceFlags}
     * MUST NOT be set.
     */
    SamplingDecision[SamplingDecision["RECORD"] = 1] = "RECORD";
    /**
     * `Span.isRecording() === true` AND `Sampled` flag in {@link TraceFlags}
     * MUST be set.
     */
    SamplingDecision[SamplingDecision["RECORD_AND_SAMPLED"] = 2] = "RECORD_AND_SAMPLED";
})(SamplingDecision = exports.SamplingDecision || (exports.SamplingDecision = {}));
//# sourceMappingURL=SamplingResult.js.map

/***/ }),

/***/ 2771:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getSpanContext = exports.setSpanContext = exports.deleteSpan = exports.setSpan = exports.getActiveSpan = exports.getSpan = void 0;
const context_1 = __nccwpck_require__(7977);
const NonRecordingSpan_1 = __nccwpck_require__(7168);
const context_2 = __nccwpck_require__(9750);
/**
 * span key
 */
const SPAN_KEY = (0, context_1.createContextKey)('OpenTelemetry Context Key SPAN');
/**
 * Return the span if one exists
 *
 * @param context context to get span from
 */
function getSpan(context) {
    return context.getValue(SPAN_KEY) || undefined;
}
exports.getSpan = getSpan;
/**
 * Gets the span from the current context, if one exists.
 */
function getActiveSpan() {
    return getSpan(context_2.ContextAPI.getInstance().active());
}
exports.getActiveSpan = getActiveSpan;
/**
 * Set the span on a context
 *
 * @param context context to use as parent
 * @param span span to set active
 */
function setSpan(context, span) {
    return context.setValue(SPAN_KEY, span);
}
exports.setSpan = setSpan;
/**
 * Remove current span stored in the context
 *
 * @param context context to delete span from
 */
function deleteSpan(context) {
    return context.deleteValue(SPAN_KEY);
}
exports.deleteSpan = deleteSpan;
/**
 * Wrap span context in a NoopSpan and set as span in a new
 * context
 *
 * @param context context to set active span on
 * @param spanContext span context to be wrapped
 */
function setSpanContext(context, spanContext) {
    return setSpan(context, new NonRecordingSpan_1.NonRecordingSpan(spanContext));
}
exports.setSpanContext = setSpanContext;
/**
 * Get the span context of the span if it exists.
 *
 * @param context context to get values from
 */
function getSpanContext(context) {
    var _a;
    return (_a = getSpan(context)) === null || _a === void 0 ? void 0 : _a.spanContext();
}
exports.getSpanContext = getSpanContext;
//# sourceMappingURL=context-utils.js.map

/***/ }),

/***/ 7903:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TraceStateImpl = void 0;
const tracestate_validators_1 = __nccwpck_require__(5618);
const MAX_TRACE_STATE_ITEMS = 32;
const MAX_TRACE_STATE_LEN = 512;
const LIST_MEMBERS_SEPARATOR = ',';
const LIST_MEMBER_KEY_VALUE_SPLITTER = '=';
/**
 * TraceState must be a class and not a simple object type because of the spec
 * requirement (https://www.w3.org/TR/trace-context/#tracestate-field).
 *
 * Here is the list of allowed mutations:
 * - New key-value pair should be added into the beginning of the list
 * - The value of any key can be updated. Modified keys MUST be moved to the
 * beginning of the list.
 */
class TraceStateImpl {
    constructor(rawTraceState) {
        this._internalState = new Map();
        if (rawTraceState)
            this._parse(rawTraceState);
    }
    set(key, value) {
        // TODO: Benchmark the different approaches(map vs list) and
        // use the faster one.
        const traceState = this._clone();
        if (traceState._internalState.has(key)) {
            traceState._internalState.delete(key);
        }
        traceState._internalState.set(key, value);
        return traceState;
    }
    unset(key) {
        const traceState = this._clone();
        traceState._internalState.delete(key);
        return traceState;
    }
    get(key) {
        return this._internalState.get(key);
    }
    serialize() {
        return (Array.from(this._internalState.keys())
            // Use reduceRight() because keys are stored in reverse insertion order.
            .reduceRight((agg, key) => {
            agg.push(key + LIST_MEMBER_KEY_VALUE_SPLITTER + this.get(key));
            return agg;
        }, [])
            .join(LIST_MEMBERS_SEPARATOR));
    }
    _parse(rawTraceState) {
        if (rawTraceState.length > MAX_TRACE_STATE_LEN)
            return;
        this._internalState = rawTraceState
            .split(LIST_MEMBERS_SEPARATOR)
            // Use reduceRight() so new keys (.set(...)) will be placed at the beginning
            .reduceRight((agg, part) => {
            const listMember = part.trim(); // Optional Whitespace (OWS) handling
            const i = listMember.indexOf(LIST_MEMBER_KEY_VALUE_SPLITTER);
            if (i !== -1) {
                const key = listMember.slice(0, i);
                const value = listMember.slice(i + 1, part.length);
                if ((0, tracestate_validators_1.validateKey)(key) && (0, tracestate_validators_1.validateValue)(value)) {
                    agg.set(key, value);
                }
                else {
                    // TODO: Consider to add warning log
                }
            }
            return agg;
        }, new Map());
        // Because of the reverse() requirement, trunc must be done after map is created
        if (this._internalState.size > MAX_TRACE_STATE_ITEMS) {
            this._internalState = new Map(Array.from(this._internalState.entries())
                .reverse() // Use reverse same as original tracestate parse chain
                .slice(0, MAX_TRACE_STATE_ITEMS));
        }
    }
    // @ts-expect-error TS6133 Accessed in tests only.
    _keys() {
        return Array.from(this._internalState.keys()).reverse();
    }
    _clone() {
        const traceState = new TraceStateImpl();
        traceState._internalState = new Map(this._internalState);
        return traceState;
    }
}
exports.TraceStateImpl = TraceStateImpl;
//# sourceMappingURL=tracestate-impl.js.map

/***/ }),

/***/ 5618:
/***/ ((__unused_webpack_module, exports) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateValue = exports.validateKey = void 0;
const VALID_KEY_CHAR_RANGE = '[_0-9a-z-*/]';
const VALID_KEY = `[a-z]${VALID_KEY_CHAR_RANGE}{0,255}`;
const VALID_VENDOR_KEY = `[a-z0-9]${VALID_KEY_CHAR_RANGE}{0,240}@[a-z]${VALID_KEY_CHAR_RANGE}{0,13}`;
const VALID_KEY_REGEX = new RegExp(`^(?:${VALID_KEY}|${VALID_VENDOR_KEY})$`);
const VALID_VALUE_BASE_REGEX = /^[ -~]{0,255}[!-~]$/;
const INVALID_VALUE_COMMA_EQUAL_REGEX = /,|=/;
/**
 * Key is opaque string up to 256 characters printable. It MUST begin with a
 * lowercase letter, and can only contain lowercase letters a-z, digits 0-9,
 * underscores _, dashes -, asterisks *, and forward slashes /.
 * For multi-tenant vendor scenarios, an at sign (@) can be used to prefix the
 * vendor name. Vendors SHOULD set the tenant ID at the beginning of the key.
 * see https://www.w3.org/TR/trace-context/#key
 */
function validateKey(key) {
    return VALID_KEY_REGEX.test(key);
}
exports.validateKey = validateKey;
/**
 * Value is opaque string up to 256 characters printable ASCII RFC0020
 * characters (i.e., the range 0x20 to 0x7E) except comma , and =.
 */
function validateValue(value) {
    return (VALID_VALUE_BASE_REGEX.test(value) &&
        !INVALID_VALUE_COMMA_EQUAL_REGEX.test(value));
}
exports.validateValue = validateValue;
//# sourceMappingURL=tracestate-validators.js.map

/***/ }),

/***/ 969:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.createTraceState = void 0;
const tracestate_impl_1 = __nccwpck_require__(7903);
/**
 * @since 1.1.0
 */
function createTraceState(rawTraceState) {
    return new tracestate_impl_1.TraceStateImpl(rawTraceState);
}
exports.createTraceState = createTraceState;
//# sourceMappingURL=utils.js.map

/***/ }),

/***/ 7088:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.INVALID_SPAN_CONTEXT = exports.INVALID_TRACEID = exports.INVALID_SPANID = void 0;
const trace_flags_1 = __nccwpck_require__(7221);
/**
 * @since 1.0.0
 */
exports.INVALID_SPANID = '0000000000000000';
/**
 * @since 1.0.0
 */
exports.INVALID_TRACEID = '00000000000000000000000000000000';
/**
 * @since 1.0.0
 */
exports.INVALID_SPAN_CONTEXT = {
    traceId: exports.INVALID_TRACEID,
    spanId: exports.INVALID_SPANID,
    traceFlags: trace_flags_1.TraceFlags.NONE,
};
//# sourceMappingURL=invalid-span-constants.js.map

/***/ }),

/***/ 2347:
/***/ ((__unused_webpack_module, exports) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SpanKind = void 0;
/**
 * @since 1.0.0
 */
var SpanKind;
(function (SpanKind) {
    /** Default value. Indicates that the span is used internally. */
    SpanKind[SpanKind["INTERNAL"] = 0] = "INTERNAL";
    /**
     * Indicates that the span covers server-side handling of an RPC or other
     * remote request.
     */
    SpanKind[SpanKind["SERVER"] = 1] = "SERVER";
    /**
     * Indicates that the span covers the client-side wrapper around an RPC or
     * other remote request.
     */
    SpanKind[SpanKind["CLIENT"] = 2] = "CLIENT";
    /**
     * Indicates that the span describes producer sending a message to a
     * broker. Unlike client and server, there is no direct critical path latency
     * relationship between producer and consumer spans.
     */
    SpanKind[SpanKind["PRODUCER"] = 3] = "PRODUCER";
    /**
     * Indicates that the span describes consumer receiving a message from a
     * broker. Unlike client and server, there is no direct critical path latency
     * relationship between producer and consumer spans.
     */
    SpanKind[SpanKind["CONSUMER"] = 4] = "CONSUMER";
})(SpanKind = exports.SpanKind || (exports.SpanKind = {}));
//# sourceMappingURL=span_kind.js.map

/***/ }),

/***/ 639:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.wrapSpanContext = exports.isSpanContextValid = exports.isValidSpanId = exports.isValidTraceId = void 0;
/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
const invalid_span_constants_1 = __nccwpck_require__(7088);
const NonRecordingSpan_1 = __nccwpck_require__(7168);
// Valid characters (0-9, a-f, A-F) are marked as 1.
const isHex = new Uint8Array([
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1,
]);
function isValidHex(id, length) {
    // As of 1.9.0 the id was allowed to be a non-string value,
    // even though it was not possible in the types.
    if (typeof id !== 'string' || id.length !== length)
        return false;
    let r = 0;
    for (let i = 0; i < id.length; i += 4) {
        r +=
            (isHex[id.charCodeAt(i)] | 0) +
                (isHex[id.charCodeAt(i + 1)] | 0) +
                (isHex[id.charCodeAt(i + 2)] | 0) +
                (isHex[id.charCodeAt(i + 3)] | 0);
    }
    return r === length;
}
/**
 * @since 1.0.0
 */
function isValidTraceId(traceId) {
    return isValidHex(traceId, 32) && traceId !== invalid_span_constants_1.INVALID_TRACEID;
}
exports.isValidTraceId = isValidTraceId;
/**
 * @since 1.0.0
 */
function isValidSpanId(spanId) {
    return isValidHex(spanId, 16) && spanId !== invalid_span_constants_1.INVALID_SPANID;
}
exports.isValidSpanId = isValidSpanId;
/**
 * Returns true if this {@link SpanContext} is valid.
 * @return true if this {@link SpanContext} is valid.
 *
 * @since 1.0.0
 */
function isSpanContextValid(spanContext) {
    return (isValidTraceId(spanContext.traceId) && isValidSpanId(spanContext.spanId));
}
exports.isSpanContextValid = isSpanContextValid;
/**
 * Wrap the given {@link SpanContext} in a new non-recording {@link Span}
 *
 * @param spanContext span context to be wrapped
 * @returns a new non-recording {@link Span} with the provided context
 */
function wrapSpanContext(spanContext) {
    return new NonRecordingSpan_1.NonRecordingSpan(spanContext);
}
exports.wrapSpanContext = wrapSpanContext;
//# sourceMappingURL=spancontext-utils.js.map

/***/ }),

/***/ 1524:
/***/ ((__unused_webpack_module, exports) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SpanStatusCode = void 0;
/**
 * An enumeration of status codes.
 *
 * @since 1.0.0
 */
var SpanStatusCode;
(function (SpanStatusCode) {
    /**
     * The default status.
     */
    SpanStatusCode[SpanStatusCode["UNSET"] = 0] = "UNSET";
    /**
     * The operation has been validated by an Application developer or
     * Operator to have completed successfully.
     */
    SpanStatusCode[SpanStatusCode["OK"] = 1] = "OK";
    /**
     * The operation contains an error.
     */
    SpanStatusCode[SpanStatusCode["ERROR"] = 2] = "ERROR";
})(SpanStatusCode = exports.SpanStatusCode || (exports.SpanStatusCode = {}));
//# sourceMappingURL=status.js.map

/***/ }),

/***/ 7221:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TraceFlags = void 0;
/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @since 1.0.0
 */
var TraceFlags;
(function (TraceFlags) {
    /** Represents no flag set. */
    TraceFlags[TraceFlags["NONE"] = 0] = "NONE";
    /** Bit to represent whether trace is sampled in trace flags. */
    TraceFlags[TraceFlags["SAMPLED"] = 1] = "SAMPLED";
})(TraceFlags = exports.TraceFlags || (exports.TraceFlags = {}));
//# sourceMappingURL=trace_flags.js.map

/***/ }),

/***/ 9390:
/***/ ((__unused_webpack_module, exports) => {


/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VERSION = void 0;
// this is autogenerated file, see scripts/version-update.js
exports.VERSION = '1.9.1';
//# sourceMappingURL=version.js.map

/***/ }),

/***/ 7750:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = {
    RBTree: __nccwpck_require__(5004),
    BinTree: __nccwpck_require__(2663)
};


/***/ }),

/***/ 2663:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {


var TreeBase = __nccwpck_require__(253);

function Node(data) {
    this.data = data;
    this.left = null;
    this.right = null;
}

Node.prototype.get_child = function(dir) {
    return dir ? this.right : this.left;
};

Node.prototype.set_child = function(dir, val) {
    if(dir) {
        this.right = val;
    }
    else {
        this.left = val;
    }
};

function BinTree(comparator) {
    this._root = null;
    this._comparator = comparator;
    this.size = 0;
}

BinTree.prototype = new TreeBase();

// returns true if inserted, false if duplicate
BinTree.prototype.insert = function(data) {
    if(this._root === null) {
        // empty tree
        this._root = new Node(data);
        this.size++;
        return true;
    }

    var dir = 0;

    // setup
    var p = null; // parent
    var node = this._root;

    // search down
    while(true) {
        if(node === null) {
            // insert new node at the bottom
            node = new Node(data);
            p.set_child(dir, node);
            ret = true;
            this.size++;
            return true;
        }

        // stop if found
        if(this._comparator(node.data, data) === 0) {
            return false;
        }

        dir = this._comparator(node.data, data) < 0;

        // update helpers
        p = node;
        node = node.get_child(dir);
    }
};

// returns true if removed, false if not found
BinTree.prototype.remove = function(data) {
    if(this._root === null) {
        return false;
    }

    var head = new Node(undefined); // fake tree root
    var node = head;
    node.right = this._root;
    var p = null; // parent
    var found = null; // found item
    var dir = 1;

    while(node.get_child(dir) !== null) {
        p = node;
        node = node.get_child(dir);
        var cmp = this._comparator(data, node.data);
        dir = cmp > 0;

        if(cmp === 0) {
            found = node;
        }
    }

    if(found !== null) {
        found.data = node.data;
        p.set_child(p.right === node, node.get_child(node.left === null));

        this._root = head.right;
        this.size--;
        return true;
    }
    else {
        return false;
    }
};

module.exports = BinTree;



/***/ }),

/***/ 5004:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {


var TreeBase = __nccwpck_require__(253);

function Node(data) {
    this.data = data;
    this.left = null;
    this.right = null;
    this.red = true;
}

Node.prototype.get_child = function(dir) {
    return dir ? this.right : this.left;
};

Node.prototype.set_child = function(dir, val) {
    if(dir) {
        this.right = val;
    }
    else {
        this.left = val;
    }
};

function RBTree(comparator) {
    this._root = null;
    this._comparator = comparator;
    this.size = 0;
}

RBTree.prototype = new TreeBase();

// returns true if inserted, false if duplicate
RBTree.prototype.insert = function(data) {
    var ret = false;

    if(this._root === null) {
        // empty tree
        this._root = new Node(data);
        ret = true;
        this.size++;
    }
    else {
        var head = new Node(undefined); // fake tree root

        var dir = 0;
        var last = 0;

        // setup
        var gp = null; // grandparent
        var ggp = head; // grand-grand-parent
        var p = null; // parent
        var node = this._root;
        ggp.right = this._root;

        // search down
        while(true) {
            if(node === null) {
                // insert new node at the bottom
                node = new Node(data);
                p.set_child(dir, node);
                ret = true;
                this.size++;
            }
            else if(is_red(node.left) && is_red(node.right)) {
                // color flip
                node.red = true;
                node.left.red = false;
                node.right.red = false;
            }

            // fix red violation
            if(is_red(node) && is_red(p)) {
                var dir2 = ggp.right === gp;

                if(node === p.get_child(last)) {
                    ggp.set_child(dir2, single_rotate(gp, !last));
                }
                else {
                    ggp.set_child(dir2, double_rotate(gp, !last));
                }
            }

            var cmp = this._comparator(node.data, data);

            // stop if found
            if(cmp === 0) {
                break;
            }

            last = dir;
            dir = cmp < 0;

            // update helpers
            if(gp !== null) {
                ggp = gp;
            }
            gp = p;
            p = node;
            node = node.get_child(dir);
        }

        // update root
        this._root = head.right;
    }

    // make root black
    this._root.red = false;

    return ret;
};

// returns true if removed, false if not found
RBTree.prototype.remove = function(data) {
    if(this._root === null) {
        return false;
    }

    var head = new Node(undefined); // fake tree root
    var node = head;
    node.right = this._root;
    var p = null; // parent
    var gp = null; // grand parent
    var found = null; // found item
    var dir = 1;

    while(node.get_child(dir) !== null) {
        var last = dir;

        // update helpers
        gp = p;
        p = node;
        node = node.get_child(dir);

        var cmp = this._comparator(data, node.data);

        dir = cmp > 0;

        // save found node
        if(cmp === 0) {
            found = node;
        }

        // push the red node down
        if(!is_red(node) && !is_red(node.get_child(dir))) {
            if(is_red(node.get_child(!dir))) {
                var sr = single_rotate(node, dir);
                p.set_child(last, sr);
                p = sr;
            }
            else if(!is_red(node.get_child(!dir))) {
                var sibling = p.get_child(!last);
                if(sibling !== null) {
                    if(!is_red(sibling.get_child(!last)) && !is_red(sibling.get_child(last))) {
                        // color flip
                        p.red = false;
                        sibling.red = true;
                        node.red = true;
                    }
                    else {
                        var dir2 = gp.right === p;

                        if(is_red(sibling.get_child(last))) {
                            gp.set_child(dir2, double_rotate(p, last));
                        }
                        else if(is_red(sibling.get_child(!last))) {
                            gp.set_child(dir2, single_rotate(p, last));
                        }

                        // ensure correct coloring
                        var gpc = gp.get_child(dir2);
                        gpc.red = true;
                        node.red = true;
                        gpc.left.red = false;
                        gpc.right.red = false;
                    }
                }
            }
        }
    }

    // replace and remove if found
    if(found !== null) {
        found.data = node.data;
        p.set_child(p.right === node, node.get_child(node.left === null));
        this.size--;
    }

    // update root and make it black
    this._root = head.right;
    if(this._root !== null) {
        this._root.red = false;
    }

    return found !== null;
};

function is_red(node) {
    return node !== null && node.red;
}

function single_rotate(root, dir) {
    var save = root.get_child(!dir);

    root.set_child(!dir, save.get_child(dir));
    save.set_child(dir, root);

    root.red = true;
    save.red = false;

    return save;
}

function double_rotate(root, dir) {
    root.set_child(!dir, single_rotate(root.get_child(!dir), !dir));
    return single_rotate(root, dir);
}

module.exports = RBTree;


/***/ }),

/***/ 253:
/***/ ((module) => {


function TreeBase() {}

// removes all nodes from the tree
TreeBase.prototype.clear = function() {
    this._root = null;
    this.size = 0;
};

// returns node data if found, null otherwise
TreeBase.prototype.find = function(data) {
    var res = this._root;

    while(res !== null) {
        var c = this._comparator(data, res.data);
        if(c === 0) {
            return res.data;
        }
        else {
            res = res.get_child(c > 0);
        }
    }

    return null;
};

// returns iterator to node if found, null otherwise
TreeBase.prototype.findIter = function(data) {
    var res = this._root;
    var iter = this.iterator();

    while(res !== null) {
        var c = this._comparator(data, res.data);
        if(c === 0) {
            iter._cursor = res;
            return iter;
        }
        else {
            iter._ancestors.push(res);
            res = res.get_child(c > 0);
        }
    }

    return null;
};

// Returns an iterator to the tree node at or immediately after the item
TreeBase.prototype.lowerBound = function(item) {
    var cur = this._root;
    var iter = this.iterator();
    var cmp = this._comparator;

    while(cur !== null) {
        var c = cmp(item, cur.data);
        if(c === 0) {
            iter._cursor = cur;
            return iter;
        }
        iter._ancestors.push(cur);
        cur = cur.get_child(c > 0);
    }

    for(var i=iter._ancestors.length - 1; i >= 0; --i) {
        cur = iter._ancestors[i];
        if(cmp(item, cur.data) < 0) {
            iter._cursor = cur;
            iter._ancestors.length = i;
            return iter;
        }
    }

    iter._ancestors.length = 0;
    return iter;
};

// Returns an iterator to the tree node immediately after the item
TreeBase.prototype.upperBound = function(item) {
    var iter = this.lowerBound(item);
    var cmp = this._comparator;

    while(iter.data() !== null && cmp(iter.data(), item) === 0) {
        iter.next();
    }

    return iter;
};

// returns null if tree is empty
TreeBase.prototype.min = function() {
    var res = this._root;
    if(res === null) {
        return null;
    }

    while(res.left !== null) {
        res = res.left;
    }

    return res.data;
};

// returns null if tree is empty
TreeBase.prototype.max = function() {
    var res = this._root;
    if(res === null) {
        return null;
    }

    while(res.right !== null) {
        res = res.right;
    }

    return res.data;
};

// returns a null iterator
// call next() or prev() to point to an element
TreeBase.prototype.iterator = function() {
    return new Iterator(this);
};

// calls cb on each node's data, in order
TreeBase.prototype.each = function(cb) {
    var it=this.iterator(), data;
    while((data = it.next()) !== null) {
        if(cb(data) === false) {
            return;
        }
    }
};

// calls cb on each node's data, in reverse order
TreeBase.prototype.reach = function(cb) {
    var it=this.iterator(), data;
    while((data = it.prev()) !== null) {
        if(cb(data) === false) {
            return;
        }
    }
};


function Iterator(tree) {
    this._tree = tree;
    this._ancestors = [];
    this._cursor = null;
}

Iterator.prototype.data = function() {
    return this._cursor !== null ? this._cursor.data : null;
};

// if null-iterator, returns first node
// otherwise, returns next node
Iterator.prototype.next = function() {
    if(this._cursor === null) {
        var root = this._tree._root;
        if(root !== null) {
            this._minNode(root);
        }
    }
    else {
        if(this._cursor.right === null) {
            // no greater node in subtree, go up to parent
            // if coming from a right child, continue up the stack
            var save;
            do {
                save = this._cursor;
                if(this._ancestors.length) {
                    this._cursor = this._ancestors.pop();
                }
                else {
                    this._cursor = null;
                    break;
                }
            } while(this._cursor.right === save);
        }
        else {
            // get the next node from the subtree
            this._ancestors.push(this._cursor);
            this._minNode(this._cursor.right);
        }
    }
    return this._cursor !== null ? this._cursor.data : null;
};

// if null-iterator, returns last node
// otherwise, returns previous node
Iterator.prototype.prev = function() {
    if(this._cursor === null) {
        var root = this._tree._root;
        if(root !== null) {
            this._maxNode(root);
        }
    }
    else {
        if(this._cursor.left === null) {
            var save;
            do {
                save = this._cursor;
                if(this._ancestors.length) {
                    this._cursor = this._ancestors.pop();
                }
                else {
                    this._cursor = null;
                    break;
                }
            } while(this._cursor.left === save);
        }
        else {
            this._ancestors.push(this._cursor);
            this._maxNode(this._cursor.left);
        }
    }
    return this._cursor !== null ? this._cursor.data : null;
};

Iterator.prototype._minNode = function(start) {
    while(start.left !== null) {
        this._ancestors.push(start);
        start = start.left;
    }
    this._cursor = start;
};

Iterator.prototype._maxNode = function(start) {
    while(start.right !== null) {
        this._ancestors.push(start);
        start = start.right;
    }
    this._cursor = start;
};

module.exports = TreeBase;



/***/ }),

/***/ 5222:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;
/**
 * Prometheus client
 * @module Prometheus client
 */



exports.register = __nccwpck_require__(1627).globalRegistry;
exports.Registry = __nccwpck_require__(1627);
__webpack_unused_export__ = ({
	configurable: false,
	enumerable: true,
	get() {
		return exports.register.contentType;
	},
	set(value) {
		exports.register.setContentType(value);
	},
});
__webpack_unused_export__ = exports.Registry.PROMETHEUS_CONTENT_TYPE;
__webpack_unused_export__ = exports.Registry.OPENMETRICS_CONTENT_TYPE;
/* unused reexport */ __nccwpck_require__(1539).validateMetricName;

exports.Counter = __nccwpck_require__(8606);
exports.Gauge = __nccwpck_require__(7173);
exports.Histogram = __nccwpck_require__(5416);
/* unused reexport */ __nccwpck_require__(5910);
/* unused reexport */ __nccwpck_require__(7524);

/* unused reexport */ __nccwpck_require__(964);
/* unused reexport */ __nccwpck_require__(964);

/* unused reexport */ __nccwpck_require__(5106);

/* unused reexport */ __nccwpck_require__(5924).aggregators;
/* unused reexport */ __nccwpck_require__(816);


/***/ }),

/***/ 964:
/***/ ((__unused_webpack_module, exports) => {

var __webpack_unused_export__;


__webpack_unused_export__ = (start, width, count) => {
	if (count < 1) {
		throw new Error('Linear buckets needs a positive count');
	}

	const buckets = new Array(count);
	for (let i = 0; i < count; i++) {
		buckets[i] = start + i * width;
	}
	return buckets;
};

__webpack_unused_export__ = (start, factor, count) => {
	if (start <= 0) {
		throw new Error('Exponential buckets needs a positive start');
	}
	if (count < 1) {
		throw new Error('Exponential buckets needs a positive count');
	}
	if (factor <= 1) {
		throw new Error('Exponential buckets needs a factor greater than 1');
	}
	const buckets = new Array(count);
	for (let i = 0; i < count; i++) {
		buckets[i] = start;
		start *= factor;
	}
	return buckets;
};


/***/ }),

/***/ 816:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



/**
 * Extends the Registry class with a `clusterMetrics` method that returns
 * aggregated metrics for all workers.
 *
 * In cluster workers, listens for and responds to requests for metrics by the
 * cluster master.
 */

const Registry = __nccwpck_require__(1627);
const { Grouper } = __nccwpck_require__(9588);
const { aggregators } = __nccwpck_require__(5924);
// We need to lazy-load the 'cluster' module as some application servers -
// namely Passenger - crash when it is imported.
let cluster = () => {
	const data = __nccwpck_require__(9907);
	cluster = () => data;
	return data;
};

const GET_METRICS_REQ = 'prom-client:getMetricsReq';
const GET_METRICS_RES = 'prom-client:getMetricsRes';

let registries = [Registry.globalRegistry];
let requestCtr = 0; // Concurrency control
let listenersAdded = false;
const requests = new Map(); // Pending requests for workers' local metrics.

class AggregatorRegistry extends Registry {
	constructor(regContentType = Registry.PROMETHEUS_CONTENT_TYPE) {
		super(regContentType);
		addListeners();
	}

	/**
	 * Gets aggregated metrics for all workers. The optional callback and
	 * returned Promise resolve with the same value; either may be used.
	 * @return {Promise<string>} Promise that resolves with the aggregated
	 *   metrics.
	 */
	clusterMetrics() {
		const requestId = requestCtr++;

		return new Promise((resolve, reject) => {
			let settled = false;
			function done(err, result) {
				if (settled) return;
				settled = true;
				if (err) reject(err);
				else resolve(result);
			}

			const request = {
				responses: [],
				pending: 0,
				done,
				errorTimeout: setTimeout(() => {
					const err = new Error('Operation timed out.');
					request.done(err);
				}, 5000),
			};
			requests.set(requestId, request);

			const message = {
				type: GET_METRICS_REQ,
				requestId,
			};

			for (const id in cluster().workers) {
				// If the worker exits abruptly, it may still be in the workers
				// list but not able to communicate.
				if (cluster().workers[id].isConnected()) {
					cluster().workers[id].send(message);
					request.pending++;
				}
			}

			if (request.pending === 0) {
				// No workers were up
				clearTimeout(request.errorTimeout);
				process.nextTick(() => done(null, ''));
			}
		});
	}

	get contentType() {
		return super.contentType;
	}

	/**
	 * Creates a new Registry instance from an array of metrics that were
	 * created by `registry.getMetricsAsJSON()`. Metrics are aggregated using
	 * the method specified by their `aggregator` property, or by summation if
	 * `aggregator` is undefined.
	 * @param {Array} metricsArr Array of metrics, each of which created by
	 *   `registry.getMetricsAsJSON()`.
	 * @param {string} registryType content type of the new registry. Defaults
	 * to PROMETHEUS_CONTENT_TYPE.
	 * @return {Registry} aggregated registry.
	 */
	static aggregate(
		metricsArr,
		registryType = Registry.PROMETHEUS_CONTENT_TYPE,
	) {
		const aggregatedRegistry = new Registry();
		const metricsByName = new Grouper();

		aggregatedRegistry.setContentType(registryType);

		// Gather by name
		metricsArr.forEach(metrics => {
			metrics.forEach(metric => {
				metricsByName.add(metric.name, metric);
			});
		});

		// Aggregate gathered metrics.
		metricsByName.forEach(metrics => {
			const aggregatorName = metrics[0].aggregator;
			const aggregatorFn = aggregators[aggregatorName];
			if (typeof aggregatorFn !== 'function') {
				throw new Error(`'${aggregatorName}' is not a defined aggregator.`);
			}
			const aggregatedMetric = aggregatorFn(metrics);
			// NB: The 'omit' aggregator returns undefined.
			if (aggregatedMetric) {
				const aggregatedMetricWrapper = Object.assign(
					{
						get: () => aggregatedMetric,
					},
					aggregatedMetric,
				);
				aggregatedRegistry.registerMetric(aggregatedMetricWrapper);
			}
		});

		return aggregatedRegistry;
	}

	/**
	 * Sets the registry or registries to be aggregated. Call from workers to
	 * use a registry/registries other than the default global registry.
	 * @param {Array<Registry>|Registry} regs Registry or registries to be
	 *   aggregated.
	 * @return {void}
	 */
	static setRegistries(regs) {
		if (!Array.isArray(regs)) regs = [regs];
		regs.forEach(reg => {
			if (!(reg instanceof Registry)) {
				throw new TypeError(`Expected Registry, got ${typeof reg}`);
			}
		});
		registries = regs;
	}
}

/**
 * Adds event listeners for cluster aggregation. Idempotent (safe to call more
 * than once).
 * @return {void}
 */
function addListeners() {
	if (listenersAdded) return;
	listenersAdded = true;

	if (cluster().isMaster) {
		// Listen for worker responses to requests for local metrics
		cluster().on('message', (worker, message) => {
			if (message.type === GET_METRICS_RES) {
				const request = requests.get(message.requestId);

				if (message.error) {
					request.done(new Error(message.error));
					return;
				}

				message.metrics.forEach(registry => request.responses.push(registry));
				request.pending--;

				if (request.pending === 0) {
					// finalize
					requests.delete(message.requestId);
					clearTimeout(request.errorTimeout);

					const registry = AggregatorRegistry.aggregate(request.responses);
					const promString = registry.metrics();
					request.done(null, promString);
				}
			}
		});
	}

	if (cluster().isWorker) {
		// Respond to master's requests for worker's local metrics.
		process.on('message', message => {
			if (message.type === GET_METRICS_REQ) {
				Promise.all(registries.map(r => r.getMetricsAsJSON()))
					.then(metrics => {
						process.send({
							type: GET_METRICS_RES,
							requestId: message.requestId,
							metrics,
						});
					})
					.catch(error => {
						process.send({
							type: GET_METRICS_RES,
							requestId: message.requestId,
							error: error.message,
						});
					});
			}
		});
	}
}

module.exports = AggregatorRegistry;


/***/ }),

/***/ 8606:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/**
 * Counter metric
 */


const util = __nccwpck_require__(9023);
const {
	hashObject,
	isObject,
	getLabels,
	removeLabels,
	nowTimestamp,
} = __nccwpck_require__(9588);
const { validateLabel } = __nccwpck_require__(1539);
const { Metric } = __nccwpck_require__(2476);
const Exemplar = __nccwpck_require__(9024);

class Counter extends Metric {
	constructor(config) {
		super(config);
		this.type = 'counter';
		this.defaultLabels = {};
		this.defaultValue = 1;
		this.defaultExemplarLabelSet = {};
		if (config.enableExemplars) {
			this.enableExemplars = true;
			this.inc = this.incWithExemplar;
		} else {
			this.inc = this.incWithoutExemplar;
		}
	}

	/**
	 * Increment counter
	 * @param {object} labels - What label you want to be incremented
	 * @param {Number} value - Value to increment, if omitted increment with 1
	 * @returns {object} results - object with information about the inc operation
	 * @returns {string} results.labelHash - hash representation of the labels
	 */
	incWithoutExemplar(labels, value) {
		let hash = '';
		if (isObject(labels)) {
			hash = hashObject(labels, this.sortedLabelNames);
			validateLabel(this.labelNames, labels);
		} else {
			value = labels;
			labels = {};
		}

		if (value && !Number.isFinite(value)) {
			throw new TypeError(`Value is not a valid number: ${util.format(value)}`);
		}
		if (value < 0) {
			throw new Error('It is not possible to decrease a counter');
		}

		if (value === null || value === undefined) value = 1;

		setValue(this.hashMap, value, labels, hash);

		return { labelHash: hash };
	}

	/**
	 * Increment counter with exemplar, same as inc but accepts labels for an
	 * exemplar.
	 * If no label is provided the current exemplar labels are kept unchanged
	 * (defaults to empty set).
	 *
	 * @param {object} incOpts - Object with options about what metric to increase
	 * @param {object} incOpts.labels - What label you want to be incremented,
	 *                                  defaults to null (metric with no labels)
	 * @param {Number} incOpts.value - Value to increment, defaults to 1
	 * @param {object} incOpts.exemplarLabels - Key-value  labels for the
	 *                                          exemplar, defaults to empty set {}
	 * @returns {void}
	 */
	incWithExemplar({
		labels = this.defaultLabels,
		value = this.defaultValue,
		exemplarLabels = this.defaultExemplarLabelSet,
	} = {}) {
		const res = this.incWithoutExemplar(labels, value);
		this.updateExemplar(exemplarLabels, value, res.labelHash);
	}

	updateExemplar(exemplarLabels, value, hash) {
		if (exemplarLabels === this.defaultExemplarLabelSet) return;
		if (!isObject(this.hashMap[hash].exemplar)) {
			this.hashMap[hash].exemplar = new Exemplar();
		}
		this.hashMap[hash].exemplar.validateExemplarLabelSet(exemplarLabels);
		this.hashMap[hash].exemplar.labelSet = exemplarLabels;
		this.hashMap[hash].exemplar.value = value ? value : 1;
		this.hashMap[hash].exemplar.timestamp = nowTimestamp();
	}

	/**
	 * Reset counter
	 * @returns {void}
	 */
	reset() {
		this.hashMap = {};
		if (this.labelNames.length === 0) {
			setValue(this.hashMap, 0);
		}
	}

	async get() {
		if (this.collect) {
			const v = this.collect();
			if (v instanceof Promise) await v;
		}

		return {
			help: this.help,
			name: this.name,
			type: this.type,
			values: Object.values(this.hashMap),
			aggregator: this.aggregator,
		};
	}

	labels(...args) {
		const labels = getLabels(this.labelNames, args) || {};
		return {
			inc: this.inc.bind(this, labels),
		};
	}

	remove(...args) {
		const labels = getLabels(this.labelNames, args) || {};
		validateLabel(this.labelNames, labels);
		return removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
	}
}

function setValue(hashMap, value, labels = {}, hash = '') {
	if (hashMap[hash]) {
		hashMap[hash].value += value;
	} else {
		hashMap[hash] = { value, labels };
	}
	return hashMap;
}

module.exports = Counter;


/***/ }),

/***/ 5106:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { isObject } = __nccwpck_require__(9588);

// Default metrics.
const processCpuTotal = __nccwpck_require__(8293);
const processStartTime = __nccwpck_require__(8228);
const osMemoryHeap = __nccwpck_require__(3981);
const processOpenFileDescriptors = __nccwpck_require__(5217);
const processMaxFileDescriptors = __nccwpck_require__(9655);
const eventLoopLag = __nccwpck_require__(4460);
const processHandles = __nccwpck_require__(5490);
const processRequests = __nccwpck_require__(7439);
const processResources = __nccwpck_require__(884);
const heapSizeAndUsed = __nccwpck_require__(2365);
const heapSpacesSizeAndUsed = __nccwpck_require__(3844);
const version = __nccwpck_require__(3344);
const gc = __nccwpck_require__(9336);

const metrics = {
	processCpuTotal,
	processStartTime,
	osMemoryHeap,
	processOpenFileDescriptors,
	processMaxFileDescriptors,
	eventLoopLag,
	...(typeof process.getActiveResourcesInfo === 'function'
		? { processResources }
		: {}),
	processHandles,
	processRequests,
	heapSizeAndUsed,
	heapSpacesSizeAndUsed,
	version,
	gc,
};
const metricsList = Object.keys(metrics);

module.exports = function collectDefaultMetrics(config) {
	if (config !== null && config !== undefined && !isObject(config)) {
		throw new TypeError('config must be null, undefined, or an object');
	}

	config = { eventLoopMonitoringPrecision: 10, ...config };

	for (const metric of Object.values(metrics)) {
		metric(config.register, config);
	}
};

module.exports.metricsList = metricsList;


/***/ }),

/***/ 9024:
/***/ ((module) => {



/**
 * Class representing an OpenMetrics exemplar.
 *
 * @property {object} labelSet
 * @property {number} value
 * @property {number} [timestamp]
 * */
class Exemplar {
	constructor(labelSet = {}, value = null) {
		this.labelSet = labelSet;
		this.value = value;
	}

	/**
	 * Validation for the label set format.
	 * https://github.com/OpenObservability/OpenMetrics/blob/d99b705f611b75fec8f450b05e344e02eea6921d/specification/OpenMetrics.md#exemplars
	 *
	 * @param {object} labelSet - Exemplar labels.
	 * @throws {RangeError}
	 * @return {void}
	 */
	validateExemplarLabelSet(labelSet) {
		let res = '';
		for (const [labelName, labelValue] of Object.entries(labelSet)) {
			res += `${labelName}${labelValue}`;
		}
		if (res.length > 128) {
			throw new RangeError(
				'Label set size must be smaller than 128 UTF-8 chars',
			);
		}
	}
}

module.exports = Exemplar;


/***/ }),

/***/ 7173:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/**
 * Gauge metric
 */


const util = __nccwpck_require__(9023);

const {
	setValue,
	setValueDelta,
	getLabels,
	hashObject,
	isObject,
	removeLabels,
} = __nccwpck_require__(9588);
const { validateLabel } = __nccwpck_require__(1539);
const { Metric } = __nccwpck_require__(2476);

class Gauge extends Metric {
	constructor(config) {
		super(config);
		this.type = 'gauge';
	}

	/**
	 * Set a gauge to a value
	 * @param {object} labels - Object with labels and their values
	 * @param {Number} value - Value to set the gauge to, must be positive
	 * @returns {void}
	 */
	set(labels, value) {
		value = getValueArg(labels, value);
		labels = getLabelArg(labels);
		set(this, labels, value);
	}

	/**
	 * Reset gauge
	 * @returns {void}
	 */
	reset() {
		this.hashMap = {};
		if (this.labelNames.length === 0) {
			setValue(this.hashMap, 0, {});
		}
	}

	/**
	 * Increment a gauge value
	 * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
	 * @param {Number} value - Value to increment - if omitted, increment with 1
	 * @returns {void}
	 */
	inc(labels, value) {
		value = getValueArg(labels, value);
		labels = getLabelArg(labels);
		if (value === undefined) value = 1;
		setDelta(this, labels, value);
	}

	/**
	 * Decrement a gauge value
	 * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
	 * @param {Number} value - Value to decrement - if omitted, decrement with 1
	 * @returns {void}
	 */
	dec(labels, value) {
		value = getValueArg(labels, value);
		labels = getLabelArg(labels);
		if (value === undefined) value = 1;
		setDelta(this, labels, -value);
	}

	/**
	 * Set the gauge to current unix epoch
	 * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
	 * @returns {void}
	 */
	setToCurrentTime(labels) {
		const now = Date.now() / 1000;
		if (labels === undefined) {
			this.set(now);
		} else {
			this.set(labels, now);
		}
	}

	/**
	 * Start a timer
	 * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
	 * @returns {function} - Invoke this function to set the duration in seconds since you started the timer.
	 * @example
	 * var done = gauge.startTimer();
	 * makeXHRRequest(function(err, response) {
	 *	done(); //Duration of the request will be saved
	 * });
	 */
	startTimer(labels) {
		const start = process.hrtime();
		return endLabels => {
			const delta = process.hrtime(start);
			const value = delta[0] + delta[1] / 1e9;
			this.set(Object.assign({}, labels, endLabels), value);
			return value;
		};
	}

	async get() {
		if (this.collect) {
			const v = this.collect();
			if (v instanceof Promise) await v;
		}
		return {
			help: this.help,
			name: this.name,
			type: this.type,
			values: Object.values(this.hashMap),
			aggregator: this.aggregator,
		};
	}

	_getValue(labels) {
		const hash = hashObject(labels || {}, this.sortedLabelNames);
		return this.hashMap[hash] ? this.hashMap[hash].value : 0;
	}

	labels(...args) {
		const labels = getLabels(this.labelNames, args);
		validateLabel(this.labelNames, labels);
		return {
			inc: this.inc.bind(this, labels),
			dec: this.dec.bind(this, labels),
			set: this.set.bind(this, labels),
			setToCurrentTime: this.setToCurrentTime.bind(this, labels),
			startTimer: this.startTimer.bind(this, labels),
		};
	}

	remove(...args) {
		const labels = getLabels(this.labelNames, args);
		validateLabel(this.labelNames, labels);
		removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
	}
}

function set(gauge, labels, value) {
	if (typeof value !== 'number') {
		throw new TypeError(`Value is not a valid number: ${util.format(value)}`);
	}

	validateLabel(gauge.labelNames, labels);
	setValue(gauge.hashMap, value, labels);
}

function setDelta(gauge, labels, delta) {
	if (typeof delta !== 'number') {
		throw new TypeError(`Delta is not a valid number: ${util.format(delta)}`);
	}

	validateLabel(gauge.labelNames, labels);
	const hash = hashObject(labels, gauge.sortedLabelNames);
	setValueDelta(gauge.hashMap, delta, labels, hash);
}

function getLabelArg(labels) {
	return isObject(labels) ? labels : {};
}

function getValueArg(labels, value) {
	return isObject(labels) ? value : labels;
}

module.exports = Gauge;


/***/ }),

/***/ 5416:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/**
 * Histogram
 */


const util = __nccwpck_require__(9023);
const {
	getLabels,
	hashObject,
	isObject,
	removeLabels,
	nowTimestamp,
} = __nccwpck_require__(9588);
const { validateLabel } = __nccwpck_require__(1539);
const { Metric } = __nccwpck_require__(2476);
const Exemplar = __nccwpck_require__(9024);

class Histogram extends Metric {
	constructor(config) {
		super(config, {
			buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
		});

		this.type = 'histogram';
		this.defaultLabels = {};
		this.defaultExemplarLabelSet = {};
		this.enableExemplars = false;

		for (const label of this.labelNames) {
			if (label === 'le') {
				throw new Error('le is a reserved label keyword');
			}
		}

		this.upperBounds = this.buckets;
		this.bucketValues = this.upperBounds.reduce((acc, upperBound) => {
			acc[upperBound] = 0;
			return acc;
		}, {});

		if (config.enableExemplars) {
			this.enableExemplars = true;
			this.bucketExemplars = this.upperBounds.reduce((acc, upperBound) => {
				acc[upperBound] = null;
				return acc;
			}, {});
			Object.freeze(this.bucketExemplars);
			this.observe = this.observeWithExemplar;
		} else {
			this.observe = this.observeWithoutExemplar;
		}

		Object.freeze(this.bucketValues);
		Object.freeze(this.upperBounds);

		if (this.labelNames.length === 0) {
			this.hashMap = {
				[hashObject({})]: createBaseValues(
					{},
					this.bucketValues,
					this.bucketExemplars,
				),
			};
		}
	}

	/**
	 * Observe a value in histogram
	 * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
	 * @param {Number} value - Value to observe in the histogram
	 * @returns {void}
	 */
	observeWithoutExemplar(labels, value) {
		observe.call(this, labels === 0 ? 0 : labels || {})(value);
	}

	observeWithExemplar({
		labels = this.defaultLabels,
		value,
		exemplarLabels = this.defaultExemplarLabelSet,
	} = {}) {
		observe.call(this, labels === 0 ? 0 : labels || {})(value);
		this.updateExemplar(labels, value, exemplarLabels);
	}

	updateExemplar(labels, value, exemplarLabels) {
		if (Object.keys(exemplarLabels).length === 0) return;
		const hash = hashObject(labels, this.sortedLabelNames);
		const bound = findBound(this.upperBounds, value);
		const { bucketExemplars } = this.hashMap[hash];
		let exemplar = bucketExemplars[bound];
		if (!isObject(exemplar)) {
			exemplar = new Exemplar();
			bucketExemplars[bound] = exemplar;
		}
		exemplar.validateExemplarLabelSet(exemplarLabels);
		exemplar.labelSet = exemplarLabels;
		exemplar.value = value;
		exemplar.timestamp = nowTimestamp();
	}

	async get() {
		const data = await this.getForPromString();
		data.values = data.values.map(splayLabels);
		return data;
	}

	async getForPromString() {
		if (this.collect) {
			const v = this.collect();
			if (v instanceof Promise) await v;
		}
		const data = Object.values(this.hashMap);
		const values = data
			.map(extractBucketValuesForExport(this))
			.reduce(addSumAndCountForExport(this), []);

		return {
			name: this.name,
			help: this.help,
			type: this.type,
			values,
			aggregator: this.aggregator,
		};
	}

	reset() {
		this.hashMap = {};
	}

	/**
	 * Initialize the metrics for the given combination of labels to zero
	 * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
	 * @returns {void}
	 */
	zero(labels) {
		const hash = hashObject(labels, this.sortedLabelNames);
		this.hashMap[hash] = createBaseValues(
			labels,
			this.bucketValues,
			this.bucketExemplars,
		);
	}

	/**
	 * Start a timer that could be used to logging durations
	 * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
	 * @param {object} exemplarLabels - Object with labels for exemplar where key is the label key and value is label value. Can only be one level deep
	 * @returns {function} - Function to invoke when you want to stop the timer and observe the duration in seconds
	 * @example
	 * var end = histogram.startTimer();
	 * makeExpensiveXHRRequest(function(err, res) {
	 * 	const duration = end(); //Observe the duration of expensiveXHRRequest and returns duration in seconds
	 * 	console.log('Duration', duration);
	 * });
	 */
	startTimer(labels, exemplarLabels) {
		return this.enableExemplars
			? startTimerWithExemplar.call(this, labels, exemplarLabels)()
			: startTimer.call(this, labels)();
	}

	labels(...args) {
		const labels = getLabels(this.labelNames, args);
		validateLabel(this.labelNames, labels);
		return {
			observe: observe.call(this, labels),
			startTimer: startTimer.call(this, labels),
		};
	}

	remove(...args) {
		const labels = getLabels(this.labelNames, args);
		validateLabel(this.labelNames, labels);
		removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
	}
}

function startTimer(startLabels) {
	return () => {
		const start = process.hrtime();
		return endLabels => {
			const delta = process.hrtime(start);
			const value = delta[0] + delta[1] / 1e9;
			this.observe(Object.assign({}, startLabels, endLabels), value);
			return value;
		};
	};
}

function startTimerWithExemplar(startLabels, startExemplarLabels) {
	return () => {
		const start = process.hrtime();
		return (endLabels, endExemplarLabels) => {
			const delta = process.hrtime(start);
			const value = delta[0] + delta[1] / 1e9;
			this.observe({
				labels: Object.assign({}, startLabels, endLabels),
				value,
				exemplarLabels: Object.assign(
					{},
					startExemplarLabels,
					endExemplarLabels,
				),
			});
			return value;
		};
	};
}

function setValuePair(labels, value, metricName, exemplar, sharedLabels = {}) {
	return {
		labels,
		sharedLabels,
		value,
		metricName,
		exemplar,
	};
}

function findBound(upperBounds, value) {
	for (let i = 0; i < upperBounds.length; i++) {
		const bound = upperBounds[i];
		if (value <= bound) {
			return bound;
		}
	}
	return -1;
}

function observe(labels) {
	return value => {
		const labelValuePair = convertLabelsAndValues(labels, value);

		validateLabel(this.labelNames, labelValuePair.labels);
		if (!Number.isFinite(labelValuePair.value)) {
			throw new TypeError(
				`Value is not a valid number: ${util.format(labelValuePair.value)}`,
			);
		}

		const hash = hashObject(labelValuePair.labels, this.sortedLabelNames);
		let valueFromMap = this.hashMap[hash];
		if (!valueFromMap) {
			valueFromMap = createBaseValues(
				labelValuePair.labels,
				this.bucketValues,
				this.bucketExemplars,
			);
		}

		const b = findBound(this.upperBounds, labelValuePair.value);

		valueFromMap.sum += labelValuePair.value;
		valueFromMap.count += 1;

		if (Object.prototype.hasOwnProperty.call(valueFromMap.bucketValues, b)) {
			valueFromMap.bucketValues[b] += 1;
		}

		this.hashMap[hash] = valueFromMap;
	};
}

function createBaseValues(labels, bucketValues, bucketExemplars) {
	const result = {
		labels,
		bucketValues: { ...bucketValues },
		sum: 0,
		count: 0,
	};
	if (bucketExemplars) {
		result.bucketExemplars = { ...bucketExemplars };
	}
	return result;
}

function convertLabelsAndValues(labels, value) {
	return isObject(labels)
		? {
				labels,
				value,
			}
		: {
				value: labels,
				labels: {},
			};
}

function extractBucketValuesForExport(histogram) {
	const name = `${histogram.name}_bucket`;
	return bucketData => {
		let acc = 0;
		const buckets = histogram.upperBounds.map(upperBound => {
			acc += bucketData.bucketValues[upperBound];
			return setValuePair(
				{ le: upperBound },
				acc,
				name,
				bucketData.bucketExemplars
					? bucketData.bucketExemplars[upperBound]
					: null,
				bucketData.labels,
			);
		});
		return { buckets, data: bucketData };
	};
}

function addSumAndCountForExport(histogram) {
	return (acc, d) => {
		acc.push(...d.buckets);

		const infLabel = { le: '+Inf' };
		acc.push(
			setValuePair(
				infLabel,
				d.data.count,
				`${histogram.name}_bucket`,
				d.data.bucketExemplars ? d.data.bucketExemplars['-1'] : null,
				d.data.labels,
			),
			setValuePair(
				{},
				d.data.sum,
				`${histogram.name}_sum`,
				undefined,
				d.data.labels,
			),
			setValuePair(
				{},
				d.data.count,
				`${histogram.name}_count`,
				undefined,
				d.data.labels,
			),
		);
		return acc;
	};
}

function splayLabels(bucket) {
	const { sharedLabels, labels, ...newBucket } = bucket;
	for (const label of Object.keys(sharedLabels)) {
		labels[label] = sharedLabels[label];
	}
	newBucket.labels = labels;
	return newBucket;
}

module.exports = Histogram;


/***/ }),

/***/ 2476:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Registry = __nccwpck_require__(1627);
const { isObject } = __nccwpck_require__(9588);
const { validateMetricName, validateLabelName } = __nccwpck_require__(1539);

/**
 * @abstract
 */
class Metric {
	constructor(config, defaults = {}) {
		if (!isObject(config)) {
			throw new TypeError('constructor expected a config object');
		}
		Object.assign(
			this,
			{
				labelNames: [],
				registers: [Registry.globalRegistry],
				aggregator: 'sum',
				enableExemplars: false,
			},
			defaults,
			config,
		);
		if (!this.registers) {
			// in case config.registers is `undefined`
			this.registers = [Registry.globalRegistry];
		}
		if (!this.help) {
			throw new Error('Missing mandatory help parameter');
		}
		if (!this.name) {
			throw new Error('Missing mandatory name parameter');
		}
		if (!validateMetricName(this.name)) {
			throw new Error('Invalid metric name');
		}
		if (!validateLabelName(this.labelNames)) {
			throw new Error('Invalid label name');
		}

		if (this.collect && typeof this.collect !== 'function') {
			throw new Error('Optional "collect" parameter must be a function');
		}

		if (this.labelNames) {
			this.sortedLabelNames = [...this.labelNames].sort();
		} else {
			this.sortedLabelNames = [];
		}

		this.reset();

		for (const register of this.registers) {
			if (
				this.enableExemplars &&
				register.contentType === Registry.PROMETHEUS_CONTENT_TYPE
			) {
				throw new TypeError(
					'Exemplars are supported only on OpenMetrics registries',
				);
			}
			register.registerMetric(this);
		}
	}

	reset() {
		/* abstract */
	}
}

module.exports = { Metric };


/***/ }),

/***/ 5924:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



const { Grouper, hashObject } = __nccwpck_require__(9588);

/**
 * Returns a new function that applies the `aggregatorFn` to the values.
 * @param {Function} aggregatorFn function to apply to values.
 * @return {Function} aggregator function
 */
function AggregatorFactory(aggregatorFn) {
	return metrics => {
		if (metrics.length === 0) return;
		const result = {
			help: metrics[0].help,
			name: metrics[0].name,
			type: metrics[0].type,
			values: [],
			aggregator: metrics[0].aggregator,
		};
		// Gather metrics by metricName and labels.
		const byLabels = new Grouper();
		metrics.forEach(metric => {
			metric.values.forEach(value => {
				const key = hashObject(value.labels);
				byLabels.add(`${value.metricName}_${key}`, value);
			});
		});
		// Apply aggregator function to gathered metrics.
		byLabels.forEach(values => {
			if (values.length === 0) return;
			const valObj = {
				value: aggregatorFn(values),
				labels: values[0].labels,
			};
			if (values[0].metricName) {
				valObj.metricName = values[0].metricName;
			}
			// NB: Timestamps are omitted.
			result.values.push(valObj);
		});
		return result;
	};
}
// Export for users to define their own aggregation methods.
exports.AggregatorFactory = AggregatorFactory;

/**
 * Functions that can be used to aggregate metrics from multiple registries.
 */
exports.aggregators = {
	/**
	 * @return The sum of values.
	 */
	sum: AggregatorFactory(v => v.reduce((p, c) => p + c.value, 0)),
	/**
	 * @return The first value.
	 */
	first: AggregatorFactory(v => v[0].value),
	/**
	 * @return {undefined} Undefined; omits the metric.
	 */
	omit: () => {},
	/**
	 * @return The arithmetic mean of the values.
	 */
	average: AggregatorFactory(
		v => v.reduce((p, c) => p + c.value, 0) / v.length,
	),
	/**
	 * @return The minimum of the values.
	 */
	min: AggregatorFactory(v =>
		v.reduce((p, c) => Math.min(p, c.value), Infinity),
	),
	/**
	 * @return The maximum of the values.
	 */
	max: AggregatorFactory(v =>
		v.reduce((p, c) => Math.max(p, c.value), -Infinity),
	),
};


/***/ }),

/***/ 4460:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Gauge = __nccwpck_require__(7173);

// Check if perf_hooks module is available
let perf_hooks;
try {
	perf_hooks = __nccwpck_require__(2987);
} catch {
	// node version is too old
}

// Reported always.
const NODEJS_EVENTLOOP_LAG = 'nodejs_eventloop_lag_seconds';

// Reported only when perf_hooks is available.
const NODEJS_EVENTLOOP_LAG_MIN = 'nodejs_eventloop_lag_min_seconds';
const NODEJS_EVENTLOOP_LAG_MAX = 'nodejs_eventloop_lag_max_seconds';
const NODEJS_EVENTLOOP_LAG_MEAN = 'nodejs_eventloop_lag_mean_seconds';
const NODEJS_EVENTLOOP_LAG_STDDEV = 'nodejs_eventloop_lag_stddev_seconds';
const NODEJS_EVENTLOOP_LAG_P50 = 'nodejs_eventloop_lag_p50_seconds';
const NODEJS_EVENTLOOP_LAG_P90 = 'nodejs_eventloop_lag_p90_seconds';
const NODEJS_EVENTLOOP_LAG_P99 = 'nodejs_eventloop_lag_p99_seconds';

function reportEventloopLag(start, gauge, labels) {
	const delta = process.hrtime(start);
	const nanosec = delta[0] * 1e9 + delta[1];
	const seconds = nanosec / 1e9;

	gauge.set(labels, seconds);
}

module.exports = (registry, config = {}) => {
	const namePrefix = config.prefix ? config.prefix : '';
	const labels = config.labels ? config.labels : {};
	const labelNames = Object.keys(labels);
	const registers = registry ? [registry] : undefined;

	let collect = () => {
		const start = process.hrtime();
		setImmediate(reportEventloopLag, start, lag, labels);
	};

	if (perf_hooks && perf_hooks.monitorEventLoopDelay) {
		try {
			const histogram = perf_hooks.monitorEventLoopDelay({
				resolution: config.eventLoopMonitoringPrecision,
			});
			histogram.enable();

			collect = () => {
				const start = process.hrtime();
				setImmediate(reportEventloopLag, start, lag, labels);

				lagMin.set(labels, histogram.min / 1e9);
				lagMax.set(labels, histogram.max / 1e9);
				lagMean.set(labels, histogram.mean / 1e9);
				lagStddev.set(labels, histogram.stddev / 1e9);
				lagP50.set(labels, histogram.percentile(50) / 1e9);
				lagP90.set(labels, histogram.percentile(90) / 1e9);
				lagP99.set(labels, histogram.percentile(99) / 1e9);

				histogram.reset();
			};
		} catch (e) {
			if (e.code === 'ERR_NOT_IMPLEMENTED') {
				return; // Bun
			}

			throw e;
		}
	}

	const lag = new Gauge({
		name: namePrefix + NODEJS_EVENTLOOP_LAG,
		help: 'Lag of event loop in seconds.',
		registers,
		labelNames,
		aggregator: 'average',
		// Use this one metric's `collect` to set all metrics' values.
		collect,
	});
	const lagMin = new Gauge({
		name: namePrefix + NODEJS_EVENTLOOP_LAG_MIN,
		help: 'The minimum recorded event loop delay.',
		registers,
		labelNames,
		aggregator: 'min',
	});
	const lagMax = new Gauge({
		name: namePrefix + NODEJS_EVENTLOOP_LAG_MAX,
		help: 'The maximum recorded event loop delay.',
		registers,
		labelNames,
		aggregator: 'max',
	});
	const lagMean = new Gauge({
		name: namePrefix + NODEJS_EVENTLOOP_LAG_MEAN,
		help: 'The mean of the recorded event loop delays.',
		registers,
		labelNames,
		aggregator: 'average',
	});
	const lagStddev = new Gauge({
		name: namePrefix + NODEJS_EVENTLOOP_LAG_STDDEV,
		help: 'The standard deviation of the recorded event loop delays.',
		registers,
		labelNames,
		aggregator: 'average',
	});
	const lagP50 = new Gauge({
		name: namePrefix + NODEJS_EVENTLOOP_LAG_P50,
		help: 'The 50th percentile of the recorded event loop delays.',
		registers,
		labelNames,
		aggregator: 'average',
	});
	const lagP90 = new Gauge({
		name: namePrefix + NODEJS_EVENTLOOP_LAG_P90,
		help: 'The 90th percentile of the recorded event loop delays.',
		registers,
		labelNames,
		aggregator: 'average',
	});
	const lagP99 = new Gauge({
		name: namePrefix + NODEJS_EVENTLOOP_LAG_P99,
		help: 'The 99th percentile of the recorded event loop delays.',
		registers,
		labelNames,
		aggregator: 'average',
	});
};

module.exports.metricNames = [
	NODEJS_EVENTLOOP_LAG,
	NODEJS_EVENTLOOP_LAG_MIN,
	NODEJS_EVENTLOOP_LAG_MAX,
	NODEJS_EVENTLOOP_LAG_MEAN,
	NODEJS_EVENTLOOP_LAG_STDDEV,
	NODEJS_EVENTLOOP_LAG_P50,
	NODEJS_EVENTLOOP_LAG_P90,
	NODEJS_EVENTLOOP_LAG_P99,
];


/***/ }),

/***/ 9336:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {


const Histogram = __nccwpck_require__(5416);

let perf_hooks;

try {
	// eslint-disable-next-line
	perf_hooks = __nccwpck_require__(2987);
} catch {
	// node version is too old
}

const NODEJS_GC_DURATION_SECONDS = 'nodejs_gc_duration_seconds';
const DEFAULT_GC_DURATION_BUCKETS = [0.001, 0.01, 0.1, 1, 2, 5];

const kinds = [];

if (perf_hooks && perf_hooks.constants) {
	kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_MAJOR] = 'major';
	kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_MINOR] = 'minor';
	kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_INCREMENTAL] = 'incremental';
	kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_WEAKCB] = 'weakcb';
}

module.exports = (registry, config = {}) => {
	if (!perf_hooks) {
		return;
	}

	const namePrefix = config.prefix ? config.prefix : '';
	const labels = config.labels ? config.labels : {};
	const labelNames = Object.keys(labels);
	const buckets = config.gcDurationBuckets
		? config.gcDurationBuckets
		: DEFAULT_GC_DURATION_BUCKETS;
	const gcHistogram = new Histogram({
		name: namePrefix + NODEJS_GC_DURATION_SECONDS,
		help: 'Garbage collection duration by kind, one of major, minor, incremental or weakcb.',
		labelNames: ['kind', ...labelNames],
		enableExemplars: false,
		buckets,
		registers: registry ? [registry] : undefined,
	});

	const obs = new perf_hooks.PerformanceObserver(list => {
		const entry = list.getEntries()[0];
		// Node < 16 uses entry.kind
		// Node >= 16 uses entry.detail.kind
		// See: https://nodejs.org/docs/latest-v16.x/api/deprecations.html#deprecations_dep0152_extension_performanceentry_properties
		const kind = entry.detail ? kinds[entry.detail.kind] : kinds[entry.kind];
		// Convert duration from milliseconds to seconds
		gcHistogram.observe(Object.assign({ kind }, labels), entry.duration / 1000);
	});

	obs.observe({ entryTypes: ['gc'] });
};

module.exports.metricNames = [NODEJS_GC_DURATION_SECONDS];


/***/ }),

/***/ 2365:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Gauge = __nccwpck_require__(7173);
const safeMemoryUsage = __nccwpck_require__(1315);

const NODEJS_HEAP_SIZE_TOTAL = 'nodejs_heap_size_total_bytes';
const NODEJS_HEAP_SIZE_USED = 'nodejs_heap_size_used_bytes';
const NODEJS_EXTERNAL_MEMORY = 'nodejs_external_memory_bytes';

module.exports = (registry, config = {}) => {
	if (typeof process.memoryUsage !== 'function') {
		return;
	}
	const labels = config.labels ? config.labels : {};
	const labelNames = Object.keys(labels);

	const registers = registry ? [registry] : undefined;
	const namePrefix = config.prefix ? config.prefix : '';
	const collect = () => {
		const memUsage = safeMemoryUsage();
		if (memUsage) {
			heapSizeTotal.set(labels, memUsage.heapTotal);
			heapSizeUsed.set(labels, memUsage.heapUsed);
			if (memUsage.external !== undefined) {
				externalMemUsed.set(labels, memUsage.external);
			}
		}
	};

	const heapSizeTotal = new Gauge({
		name: namePrefix + NODEJS_HEAP_SIZE_TOTAL,
		help: 'Process heap size from Node.js in bytes.',
		registers,
		labelNames,
		// Use this one metric's `collect` to set all metrics' values.
		collect,
	});
	const heapSizeUsed = new Gauge({
		name: namePrefix + NODEJS_HEAP_SIZE_USED,
		help: 'Process heap size used from Node.js in bytes.',
		registers,
		labelNames,
	});
	const externalMemUsed = new Gauge({
		name: namePrefix + NODEJS_EXTERNAL_MEMORY,
		help: 'Node.js external memory size in bytes.',
		registers,
		labelNames,
	});
};

module.exports.metricNames = [
	NODEJS_HEAP_SIZE_TOTAL,
	NODEJS_HEAP_SIZE_USED,
	NODEJS_EXTERNAL_MEMORY,
];


/***/ }),

/***/ 3844:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Gauge = __nccwpck_require__(7173);
const v8 = __nccwpck_require__(1493);

const METRICS = ['total', 'used', 'available'];
const NODEJS_HEAP_SIZE = {};

METRICS.forEach(metricType => {
	NODEJS_HEAP_SIZE[metricType] = `nodejs_heap_space_size_${metricType}_bytes`;
});

module.exports = (registry, config = {}) => {
	try {
		v8.getHeapSpaceStatistics();
	} catch (e) {
		if (e.code === 'ERR_NOT_IMPLEMENTED') {
			return; // Bun
		}
		throw e;
	}
	const registers = registry ? [registry] : undefined;
	const namePrefix = config.prefix ? config.prefix : '';

	const labels = config.labels ? config.labels : {};
	const labelNames = ['space', ...Object.keys(labels)];

	const gauges = {};

	METRICS.forEach(metricType => {
		gauges[metricType] = new Gauge({
			name: namePrefix + NODEJS_HEAP_SIZE[metricType],
			help: `Process heap space size ${metricType} from Node.js in bytes.`,
			labelNames,
			registers,
		});
	});

	// Use this one metric's `collect` to set all metrics' values.
	gauges.total.collect = () => {
		for (const space of v8.getHeapSpaceStatistics()) {
			const spaceName = space.space_name.substr(
				0,
				space.space_name.indexOf('_space'),
			);

			gauges.total.set({ space: spaceName, ...labels }, space.space_size);
			gauges.used.set({ space: spaceName, ...labels }, space.space_used_size);
			gauges.available.set(
				{ space: spaceName, ...labels },
				space.space_available_size,
			);
		}
	};
};

module.exports.metricNames = Object.values(NODEJS_HEAP_SIZE);


/***/ }),

/***/ 7965:
/***/ ((module) => {



function aggregateByObjectName(list) {
	const data = {};

	for (let i = 0; i < list.length; i++) {
		const listElement = list[i];

		if (!listElement || typeof listElement.constructor === 'undefined') {
			continue;
		}

		if (Object.hasOwnProperty.call(data, listElement.constructor.name)) {
			data[listElement.constructor.name] += 1;
		} else {
			data[listElement.constructor.name] = 1;
		}
	}
	return data;
}

function updateMetrics(gauge, data, labels) {
	gauge.reset();
	for (const key in data) {
		gauge.set(Object.assign({ type: key }, labels || {}), data[key]);
	}
}

module.exports = {
	aggregateByObjectName,
	updateMetrics,
};


/***/ }),

/***/ 1315:
/***/ ((module) => {



// process.memoryUsage() can throw on some platforms, see #67
function safeMemoryUsage() {
	try {
		return process.memoryUsage();
	} catch {
		return;
	}
}

module.exports = safeMemoryUsage;


/***/ }),

/***/ 3981:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Gauge = __nccwpck_require__(7173);
const linuxVariant = __nccwpck_require__(7567);
const safeMemoryUsage = __nccwpck_require__(1315);

const PROCESS_RESIDENT_MEMORY = 'process_resident_memory_bytes';

function notLinuxVariant(registry, config = {}) {
	const namePrefix = config.prefix ? config.prefix : '';
	const labels = config.labels ? config.labels : {};
	const labelNames = Object.keys(labels);

	new Gauge({
		name: namePrefix + PROCESS_RESIDENT_MEMORY,
		help: 'Resident memory size in bytes.',
		registers: registry ? [registry] : undefined,
		labelNames,
		collect() {
			const memUsage = safeMemoryUsage();

			// I don't think the other things returned from `process.memoryUsage()` is relevant to a standard export
			if (memUsage) {
				this.set(labels, memUsage.rss);
			}
		},
	});
}

module.exports = (registry, config) =>
	process.platform === 'linux'
		? linuxVariant(registry, config)
		: notLinuxVariant(registry, config);

module.exports.metricNames =
	process.platform === 'linux'
		? linuxVariant.metricNames
		: [PROCESS_RESIDENT_MEMORY];


/***/ }),

/***/ 7567:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Gauge = __nccwpck_require__(7173);
const fs = __nccwpck_require__(9896);

const values = ['VmSize', 'VmRSS', 'VmData'];

const PROCESS_RESIDENT_MEMORY = 'process_resident_memory_bytes';
const PROCESS_VIRTUAL_MEMORY = 'process_virtual_memory_bytes';
const PROCESS_HEAP = 'process_heap_bytes';

function structureOutput(input) {
	return input.split('\n').reduce((acc, string) => {
		if (!values.some(value => string.startsWith(value))) {
			return acc;
		}

		const split = string.split(':');

		// Get the value
		let value = split[1].trim();
		// Remove trailing ` kb`
		value = value.substr(0, value.length - 3);
		// Make it into a number in bytes bytes
		value = Number(value) * 1024;

		acc[split[0]] = value;

		return acc;
	}, {});
}

module.exports = (registry, config = {}) => {
	const registers = registry ? [registry] : undefined;
	const namePrefix = config.prefix ? config.prefix : '';
	const labels = config.labels ? config.labels : {};
	const labelNames = Object.keys(labels);

	const residentMemGauge = new Gauge({
		name: namePrefix + PROCESS_RESIDENT_MEMORY,
		help: 'Resident memory size in bytes.',
		registers,
		labelNames,
		// Use this one metric's `collect` to set all metrics' values.
		collect() {
			try {
				// Sync I/O is often problematic, but /proc isn't really I/O, it
				// a virtual filesystem that maps directly to in-kernel data
				// structures and never blocks.
				//
				// Node.js/libuv do this already for process.memoryUsage(), see:
				// - https://github.com/libuv/libuv/blob/a629688008694ed8022269e66826d4d6ec688b83/src/unix/linux-core.c#L506-L523
				const stat = fs.readFileSync('/proc/self/status', 'utf8');
				const structuredOutput = structureOutput(stat);

				residentMemGauge.set(labels, structuredOutput.VmRSS);
				virtualMemGauge.set(labels, structuredOutput.VmSize);
				heapSizeMemGauge.set(labels, structuredOutput.VmData);
			} catch {
				// noop
			}
		},
	});
	const virtualMemGauge = new Gauge({
		name: namePrefix + PROCESS_VIRTUAL_MEMORY,
		help: 'Virtual memory size in bytes.',
		registers,
		labelNames,
	});
	const heapSizeMemGauge = new Gauge({
		name: namePrefix + PROCESS_HEAP,
		help: 'Process heap size in bytes.',
		registers,
		labelNames,
	});
};

module.exports.metricNames = [
	PROCESS_RESIDENT_MEMORY,
	PROCESS_VIRTUAL_MEMORY,
	PROCESS_HEAP,
];


/***/ }),

/***/ 8293:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const OtelApi = __nccwpck_require__(3914);
const Counter = __nccwpck_require__(8606);

const PROCESS_CPU_USER_SECONDS = 'process_cpu_user_seconds_total';
const PROCESS_CPU_SYSTEM_SECONDS = 'process_cpu_system_seconds_total';
const PROCESS_CPU_SECONDS = 'process_cpu_seconds_total';

module.exports = (registry, config = {}) => {
	const registers = registry ? [registry] : undefined;
	const namePrefix = config.prefix ? config.prefix : '';
	const labels = config.labels ? config.labels : {};
	const exemplars = config.enableExemplars ? config.enableExemplars : false;
	const labelNames = Object.keys(labels);

	let lastCpuUsage = process.cpuUsage();

	const cpuUserUsageCounter = new Counter({
		name: namePrefix + PROCESS_CPU_USER_SECONDS,
		help: 'Total user CPU time spent in seconds.',
		enableExemplars: exemplars,
		registers,
		labelNames,
		// Use this one metric's `collect` to set all metrics' values.
		collect() {
			const cpuUsage = process.cpuUsage();

			const userUsageMicros = cpuUsage.user - lastCpuUsage.user;
			const systemUsageMicros = cpuUsage.system - lastCpuUsage.system;

			lastCpuUsage = cpuUsage;

			if (this.enableExemplars) {
				let exemplarLabels = {};
				const currentSpan = OtelApi.trace.getSpan(OtelApi.context.active());
				if (currentSpan) {
					exemplarLabels = {
						traceId: currentSpan.spanContext().traceId,
						spanId: currentSpan.spanContext().spanId,
					};
				}
				cpuUserUsageCounter.inc({
					labels,
					value: userUsageMicros / 1e6,
					exemplarLabels,
				});
				cpuSystemUsageCounter.inc({
					labels,
					value: systemUsageMicros / 1e6,
					exemplarLabels,
				});
				cpuUsageCounter.inc({
					labels,
					value: (userUsageMicros + systemUsageMicros) / 1e6,
					exemplarLabels,
				});
			} else {
				cpuUserUsageCounter.inc(labels, userUsageMicros / 1e6);
				cpuSystemUsageCounter.inc(labels, systemUsageMicros / 1e6);
				cpuUsageCounter.inc(
					labels,
					(userUsageMicros + systemUsageMicros) / 1e6,
				);
			}
		},
	});
	const cpuSystemUsageCounter = new Counter({
		name: namePrefix + PROCESS_CPU_SYSTEM_SECONDS,
		help: 'Total system CPU time spent in seconds.',
		enableExemplars: exemplars,
		registers,
		labelNames,
	});
	const cpuUsageCounter = new Counter({
		name: namePrefix + PROCESS_CPU_SECONDS,
		help: 'Total user and system CPU time spent in seconds.',
		enableExemplars: exemplars,
		registers,
		labelNames,
	});
};

module.exports.metricNames = [
	PROCESS_CPU_USER_SECONDS,
	PROCESS_CPU_SYSTEM_SECONDS,
	PROCESS_CPU_SECONDS,
];


/***/ }),

/***/ 5490:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { aggregateByObjectName } = __nccwpck_require__(7965);
const { updateMetrics } = __nccwpck_require__(7965);
const Gauge = __nccwpck_require__(7173);

const NODEJS_ACTIVE_HANDLES = 'nodejs_active_handles';
const NODEJS_ACTIVE_HANDLES_TOTAL = 'nodejs_active_handles_total';

module.exports = (registry, config = {}) => {
	// Don't do anything if the function is removed in later nodes (exists in node@6-12...)
	if (typeof process._getActiveHandles !== 'function') {
		return;
	}

	const registers = registry ? [registry] : undefined;
	const namePrefix = config.prefix ? config.prefix : '';
	const labels = config.labels ? config.labels : {};
	const labelNames = Object.keys(labels);

	new Gauge({
		name: namePrefix + NODEJS_ACTIVE_HANDLES,
		help: 'Number of active libuv handles grouped by handle type. Every handle type is C++ class name.',
		labelNames: ['type', ...labelNames],
		registers,
		collect() {
			const handles = process._getActiveHandles();
			updateMetrics(this, aggregateByObjectName(handles), labels);
		},
	});
	new Gauge({
		name: namePrefix + NODEJS_ACTIVE_HANDLES_TOTAL,
		help: 'Total number of active handles.',
		registers,
		labelNames,
		collect() {
			const handles = process._getActiveHandles();
			this.set(labels, handles.length);
		},
	});
};

module.exports.metricNames = [
	NODEJS_ACTIVE_HANDLES,
	NODEJS_ACTIVE_HANDLES_TOTAL,
];


/***/ }),

/***/ 9655:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Gauge = __nccwpck_require__(7173);
const fs = __nccwpck_require__(9896);

const PROCESS_MAX_FDS = 'process_max_fds';

let maxFds;

module.exports = (registry, config = {}) => {
	if (maxFds === undefined) {
		// This will fail if a linux-like procfs is not available.
		try {
			const limits = fs.readFileSync('/proc/self/limits', 'utf8');
			const lines = limits.split('\n');
			for (const line of lines) {
				if (line.startsWith('Max open files')) {
					const parts = line.split(/  +/);
					maxFds = Number(parts[1]);
					break;
				}
			}
		} catch {
			return;
		}
	}

	if (maxFds === undefined) return;

	const namePrefix = config.prefix ? config.prefix : '';
	const labels = config.labels ? config.labels : {};
	const labelNames = Object.keys(labels);

	new Gauge({
		name: namePrefix + PROCESS_MAX_FDS,
		help: 'Maximum number of open file descriptors.',
		registers: registry ? [registry] : undefined,
		labelNames,
		collect() {
			if (maxFds !== undefined) this.set(labels, maxFds);
		},
	});
};

module.exports.metricNames = [PROCESS_MAX_FDS];


/***/ }),

/***/ 5217:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Gauge = __nccwpck_require__(7173);
const fs = __nccwpck_require__(9896);
const process = __nccwpck_require__(932);

const PROCESS_OPEN_FDS = 'process_open_fds';

module.exports = (registry, config = {}) => {
	if (process.platform !== 'linux') {
		return;
	}

	const namePrefix = config.prefix ? config.prefix : '';
	const labels = config.labels ? config.labels : {};
	const labelNames = Object.keys(labels);

	new Gauge({
		name: namePrefix + PROCESS_OPEN_FDS,
		help: 'Number of open file descriptors.',
		registers: registry ? [registry] : undefined,
		labelNames,
		collect() {
			try {
				const fds = fs.readdirSync('/proc/self/fd');
				// Minus 1 to not count the fd that was used by readdirSync(),
				// it's now closed.
				this.set(labels, fds.length - 1);
			} catch {
				// noop
			}
		},
	});
};

module.exports.metricNames = [PROCESS_OPEN_FDS];


/***/ }),

/***/ 7439:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {


const Gauge = __nccwpck_require__(7173);
const { aggregateByObjectName } = __nccwpck_require__(7965);
const { updateMetrics } = __nccwpck_require__(7965);

const NODEJS_ACTIVE_REQUESTS = 'nodejs_active_requests';
const NODEJS_ACTIVE_REQUESTS_TOTAL = 'nodejs_active_requests_total';

module.exports = (registry, config = {}) => {
	// Don't do anything if the function is removed in later nodes (exists in node@6)
	if (typeof process._getActiveRequests !== 'function') {
		return;
	}

	const namePrefix = config.prefix ? config.prefix : '';
	const labels = config.labels ? config.labels : {};
	const labelNames = Object.keys(labels);

	new Gauge({
		name: namePrefix + NODEJS_ACTIVE_REQUESTS,
		help: 'Number of active libuv requests grouped by request type. Every request type is C++ class name.',
		labelNames: ['type', ...labelNames],
		registers: registry ? [registry] : undefined,
		collect() {
			const requests = process._getActiveRequests();
			updateMetrics(this, aggregateByObjectName(requests), labels);
		},
	});

	new Gauge({
		name: namePrefix + NODEJS_ACTIVE_REQUESTS_TOTAL,
		help: 'Total number of active requests.',
		registers: registry ? [registry] : undefined,
		labelNames,
		collect() {
			const requests = process._getActiveRequests();
			this.set(labels, requests.length);
		},
	});
};

module.exports.metricNames = [
	NODEJS_ACTIVE_REQUESTS,
	NODEJS_ACTIVE_REQUESTS_TOTAL,
];


/***/ }),

/***/ 884:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {


const Gauge = __nccwpck_require__(7173);
const { updateMetrics } = __nccwpck_require__(7965);

const NODEJS_ACTIVE_RESOURCES = 'nodejs_active_resources';
const NODEJS_ACTIVE_RESOURCES_TOTAL = 'nodejs_active_resources_total';

module.exports = (registry, config = {}) => {
	// Don't do anything if the function does not exist in previous nodes (exists in node@17.3.0)
	if (typeof process.getActiveResourcesInfo !== 'function') {
		return;
	}

	const namePrefix = config.prefix ? config.prefix : '';
	const labels = config.labels ? config.labels : {};
	const labelNames = Object.keys(labels);

	new Gauge({
		name: namePrefix + NODEJS_ACTIVE_RESOURCES,
		help: 'Number of active resources that are currently keeping the event loop alive, grouped by async resource type.',
		labelNames: ['type', ...labelNames],
		registers: registry ? [registry] : undefined,
		collect() {
			const resources = process.getActiveResourcesInfo();

			const data = {};

			for (let i = 0; i < resources.length; i++) {
				const resource = resources[i];

				if (Object.hasOwn(data, resource)) {
					data[resource] += 1;
				} else {
					data[resource] = 1;
				}
			}

			updateMetrics(this, data, labels);
		},
	});

	new Gauge({
		name: namePrefix + NODEJS_ACTIVE_RESOURCES_TOTAL,
		help: 'Total number of active resources.',
		registers: registry ? [registry] : undefined,
		labelNames,
		collect() {
			const resources = process.getActiveResourcesInfo();
			this.set(labels, resources.length);
		},
	});
};

module.exports.metricNames = [
	NODEJS_ACTIVE_RESOURCES,
	NODEJS_ACTIVE_RESOURCES_TOTAL,
];


/***/ }),

/***/ 8228:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Gauge = __nccwpck_require__(7173);
const startInSeconds = Math.round(Date.now() / 1000 - process.uptime());

const PROCESS_START_TIME = 'process_start_time_seconds';

module.exports = (registry, config = {}) => {
	const namePrefix = config.prefix ? config.prefix : '';
	const labels = config.labels ? config.labels : {};
	const labelNames = Object.keys(labels);

	new Gauge({
		name: namePrefix + PROCESS_START_TIME,
		help: 'Start time of the process since unix epoch in seconds.',
		registers: registry ? [registry] : undefined,
		labelNames,
		aggregator: 'omit',
		collect() {
			this.set(labels, startInSeconds);
		},
	});
};

module.exports.metricNames = [PROCESS_START_TIME];


/***/ }),

/***/ 3344:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Gauge = __nccwpck_require__(7173);
const version = process.version;
const versionSegments = version.slice(1).split('.').map(Number);

const NODE_VERSION_INFO = 'nodejs_version_info';

module.exports = (registry, config = {}) => {
	const namePrefix = config.prefix ? config.prefix : '';
	const labels = config.labels ? config.labels : {};
	const labelNames = Object.keys(labels);

	new Gauge({
		name: namePrefix + NODE_VERSION_INFO,
		help: 'Node.js version info.',
		labelNames: ['version', 'major', 'minor', 'patch', ...labelNames],
		registers: registry ? [registry] : undefined,
		aggregator: 'first',
		collect() {
			// Needs to be in collect() so value is present even if reg is reset
			this.labels(
				version,
				versionSegments[0],
				versionSegments[1],
				versionSegments[2],
				...Object.values(labels),
			).set(1);
		},
	});
};

module.exports.metricNames = [NODE_VERSION_INFO];


/***/ }),

/***/ 7524:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const url = __nccwpck_require__(7016);
const http = __nccwpck_require__(8611);
const https = __nccwpck_require__(5692);
const { gzipSync } = __nccwpck_require__(3106);
const { globalRegistry } = __nccwpck_require__(1627);

class Pushgateway {
	constructor(gatewayUrl, options, registry) {
		if (!registry) {
			registry = globalRegistry;
		}
		this.registry = registry;
		this.gatewayUrl = gatewayUrl;
		const { requireJobName, ...requestOptions } = {
			requireJobName: true,
			...options,
		};
		this.requireJobName = requireJobName;
		this.requestOptions = requestOptions;
	}

	pushAdd(params = {}) {
		if (this.requireJobName && !params.jobName) {
			throw new Error('Missing jobName parameter');
		}

		return useGateway.call(this, 'POST', params.jobName, params.groupings);
	}

	push(params = {}) {
		if (this.requireJobName && !params.jobName) {
			throw new Error('Missing jobName parameter');
		}

		return useGateway.call(this, 'PUT', params.jobName, params.groupings);
	}

	delete(params = {}) {
		if (this.requireJobName && !params.jobName) {
			throw new Error('Missing jobName parameter');
		}

		return useGateway.call(this, 'DELETE', params.jobName, params.groupings);
	}
}
async function useGateway(method, job, groupings) {
	// `URL` first added in v6.13.0
	// eslint-disable-next-line n/no-deprecated-api
	const gatewayUrlParsed = url.parse(this.gatewayUrl);
	const gatewayUrlPath =
		gatewayUrlParsed.pathname && gatewayUrlParsed.pathname !== '/'
			? gatewayUrlParsed.pathname
			: '';
	const jobPath = job
		? `/job/${encodeURIComponent(job)}${generateGroupings(groupings)}`
		: '';
	const path = `${gatewayUrlPath}/metrics${jobPath}`;

	// eslint-disable-next-line n/no-deprecated-api
	const target = url.resolve(this.gatewayUrl, path);
	// eslint-disable-next-line n/no-deprecated-api
	const requestParams = url.parse(target);
	const httpModule = isHttps(requestParams.href) ? https : http;
	const options = Object.assign(requestParams, this.requestOptions, {
		method,
	});

	return new Promise((resolve, reject) => {
		if (method === 'DELETE' && options.headers) {
			delete options.headers['Content-Encoding'];
		}
		const req = httpModule.request(options, resp => {
			let body = '';
			resp.setEncoding('utf8');
			resp.on('data', chunk => {
				body += chunk;
			});
			resp.on('end', () => {
				if (resp.statusCode >= 400) {
					reject(
						new Error(`push failed with status ${resp.statusCode}, ${body}`),
					);
				} else {
					resolve({ resp, body });
				}
			});
		});
		req.on('error', err => {
			reject(err);
		});

		req.on('timeout', () => {
			req.destroy(new Error('Pushgateway request timed out'));
		});

		if (method !== 'DELETE') {
			this.registry
				.metrics()
				.then(metrics => {
					if (
						options.headers &&
						options.headers['Content-Encoding'] === 'gzip'
					) {
						metrics = gzipSync(metrics);
					}
					req.write(metrics);
					req.end();
				})
				.catch(err => {
					reject(err);
				});
		} else {
			req.end();
		}
	});
}

function generateGroupings(groupings) {
	if (!groupings) {
		return '';
	}
	return Object.keys(groupings)
		.map(
			key =>
				`/${encodeURIComponent(key)}/${encodeURIComponent(groupings[key])}`,
		)
		.join('');
}

function isHttps(href) {
	return href.search(/^https/) !== -1;
}

module.exports = Pushgateway;


/***/ }),

/***/ 1627:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { getValueAsString } = __nccwpck_require__(9588);

class Registry {
	static get PROMETHEUS_CONTENT_TYPE() {
		return 'text/plain; version=0.0.4; charset=utf-8';
	}

	static get OPENMETRICS_CONTENT_TYPE() {
		return 'application/openmetrics-text; version=1.0.0; charset=utf-8';
	}

	constructor(regContentType = Registry.PROMETHEUS_CONTENT_TYPE) {
		this._metrics = {};
		this._collectors = [];
		this._defaultLabels = {};
		if (
			regContentType !== Registry.PROMETHEUS_CONTENT_TYPE &&
			regContentType !== Registry.OPENMETRICS_CONTENT_TYPE
		) {
			throw new TypeError(`Content type ${regContentType} is unsupported`);
		}
		this._contentType = regContentType;
	}

	getMetricsAsArray() {
		return Object.values(this._metrics);
	}

	async getMetricsAsString(metrics) {
		const metric =
			typeof metrics.getForPromString === 'function'
				? await metrics.getForPromString()
				: await metrics.get();

		const name = escapeString(metric.name);
		const help = `# HELP ${name} ${escapeString(metric.help)}`;
		const type = `# TYPE ${name} ${metric.type}`;
		const values = [help, type];

		const defaultLabels =
			Object.keys(this._defaultLabels).length > 0 ? this._defaultLabels : null;

		const isOpenMetrics =
			this.contentType === Registry.OPENMETRICS_CONTENT_TYPE;

		for (const val of metric.values || []) {
			let { metricName = name, labels = {} } = val;
			const { sharedLabels = {} } = val;
			if (isOpenMetrics && metric.type === 'counter') {
				metricName = `${metricName}_total`;
			}

			if (defaultLabels) {
				labels = { ...labels, ...defaultLabels, ...labels };
			}

			// We have to flatten these separately to avoid duplicate labels appearing
			// between the base labels and the shared labels
			const formattedLabels = formatLabels(labels, sharedLabels);

			const flattenedShared = flattenSharedLabels(sharedLabels);
			const labelParts = [...formattedLabels, flattenedShared].filter(Boolean);
			const labelsString = labelParts.length ? `{${labelParts.join(',')}}` : '';
			let fullMetricLine = `${metricName}${labelsString} ${getValueAsString(
				val.value,
			)}`;

			const { exemplar } = val;
			if (exemplar && isOpenMetrics) {
				const formattedExemplars = formatLabels(exemplar.labelSet);
				fullMetricLine += ` # {${formattedExemplars.join(
					',',
				)}} ${getValueAsString(exemplar.value)} ${exemplar.timestamp}`;
			}
			values.push(fullMetricLine);
		}

		return values.join('\n');
	}

	async metrics() {
		const isOpenMetrics =
			this.contentType === Registry.OPENMETRICS_CONTENT_TYPE;

		const promises = this.getMetricsAsArray().map(metric => {
			if (isOpenMetrics && metric.type === 'counter') {
				metric.name = standardizeCounterName(metric.name);
			}
			return this.getMetricsAsString(metric);
		});

		const resolves = await Promise.all(promises);

		return isOpenMetrics
			? `${resolves.join('\n')}\n# EOF\n`
			: `${resolves.join('\n\n')}\n`;
	}

	registerMetric(metric) {
		if (this._metrics[metric.name] && this._metrics[metric.name] !== metric) {
			throw new Error(
				`A metric with the name ${metric.name} has already been registered.`,
			);
		}

		this._metrics[metric.name] = metric;
	}

	clear() {
		this._metrics = {};
		this._defaultLabels = {};
	}

	async getMetricsAsJSON() {
		const metrics = [];
		const defaultLabelNames = Object.keys(this._defaultLabels);

		const promises = [];

		for (const metric of this.getMetricsAsArray()) {
			promises.push(metric.get());
		}

		const resolves = await Promise.all(promises);

		for (const item of resolves) {
			if (item.values && defaultLabelNames.length > 0) {
				for (const val of item.values) {
					// Make a copy before mutating
					val.labels = Object.assign({}, val.labels);

					for (const labelName of defaultLabelNames) {
						val.labels[labelName] =
							val.labels[labelName] || this._defaultLabels[labelName];
					}
				}
			}

			metrics.push(item);
		}

		return metrics;
	}

	removeSingleMetric(name) {
		delete this._metrics[name];
	}

	getSingleMetricAsString(name) {
		return this.getMetricsAsString(this._metrics[name]);
	}

	getSingleMetric(name) {
		return this._metrics[name];
	}

	setDefaultLabels(labels) {
		this._defaultLabels = labels;
	}

	resetMetrics() {
		for (const metric in this._metrics) {
			this._metrics[metric].reset();
		}
	}

	get contentType() {
		return this._contentType;
	}

	setContentType(metricsContentType) {
		if (
			metricsContentType === Registry.OPENMETRICS_CONTENT_TYPE ||
			metricsContentType === Registry.PROMETHEUS_CONTENT_TYPE
		) {
			this._contentType = metricsContentType;
		} else {
			throw new Error(`Content type ${metricsContentType} is unsupported`);
		}
	}

	static merge(registers) {
		const regType = registers[0].contentType;
		for (const reg of registers) {
			if (reg.contentType !== regType) {
				throw new Error(
					'Registers can only be merged if they have the same content type',
				);
			}
		}
		const mergedRegistry = new Registry(regType);

		const metricsToMerge = registers.reduce(
			(acc, reg) => acc.concat(reg.getMetricsAsArray()),
			[],
		);

		metricsToMerge.forEach(mergedRegistry.registerMetric, mergedRegistry);
		return mergedRegistry;
	}
}

function formatLabels(labels, exclude) {
	const { hasOwnProperty } = Object.prototype;
	const formatted = [];
	for (const [name, value] of Object.entries(labels)) {
		if (!exclude || !hasOwnProperty.call(exclude, name)) {
			formatted.push(`${name}="${escapeLabelValue(value)}"`);
		}
	}
	return formatted;
}

const sharedLabelCache = new WeakMap();
function flattenSharedLabels(labels) {
	const cached = sharedLabelCache.get(labels);
	if (cached) {
		return cached;
	}

	const formattedLabels = formatLabels(labels);
	const flattened = formattedLabels.join(',');
	sharedLabelCache.set(labels, flattened);
	return flattened;
}
function escapeLabelValue(str) {
	if (typeof str !== 'string') {
		return str;
	}
	return escapeString(str).replace(/"/g, '\\"');
}
function escapeString(str) {
	return str.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}
function standardizeCounterName(name) {
	return name.replace(/_total$/, '');
}

module.exports = Registry;
module.exports.globalRegistry = new Registry();


/***/ }),

/***/ 5910:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/**
 * Summary
 */


const util = __nccwpck_require__(9023);
const { getLabels, hashObject, removeLabels } = __nccwpck_require__(9588);
const { validateLabel } = __nccwpck_require__(1539);
const { Metric } = __nccwpck_require__(2476);
const timeWindowQuantiles = __nccwpck_require__(7639);

const DEFAULT_COMPRESS_COUNT = 1000; // every 1000 measurements

class Summary extends Metric {
	constructor(config) {
		super(config, {
			percentiles: [0.01, 0.05, 0.5, 0.9, 0.95, 0.99, 0.999],
			compressCount: DEFAULT_COMPRESS_COUNT,
			hashMap: {},
		});

		this.type = 'summary';

		for (const label of this.labelNames) {
			if (label === 'quantile')
				throw new Error('quantile is a reserved label keyword');
		}

		if (this.labelNames.length === 0) {
			this.hashMap = {
				[hashObject({})]: {
					labels: {},
					td: new timeWindowQuantiles(this.maxAgeSeconds, this.ageBuckets),
					count: 0,
					sum: 0,
				},
			};
		}
	}

	/**
	 * Observe a value
	 * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
	 * @param {Number} value - Value to observe
	 * @returns {void}
	 */
	observe(labels, value) {
		observe.call(this, labels === 0 ? 0 : labels || {})(value);
	}

	async get() {
		if (this.collect) {
			const v = this.collect();
			if (v instanceof Promise) await v;
		}
		const hashKeys = Object.keys(this.hashMap);
		const values = [];

		hashKeys.forEach(hashKey => {
			const s = this.hashMap[hashKey];
			if (s) {
				if (this.pruneAgedBuckets && s.td.size() === 0) {
					delete this.hashMap[hashKey];
				} else {
					extractSummariesForExport(s, this.percentiles).forEach(v => {
						values.push(v);
					});
					values.push(getSumForExport(s, this));
					values.push(getCountForExport(s, this));
				}
			}
		});

		return {
			name: this.name,
			help: this.help,
			type: this.type,
			values,
			aggregator: this.aggregator,
		};
	}

	reset() {
		const data = Object.values(this.hashMap);
		data.forEach(s => {
			s.td.reset();
			s.count = 0;
			s.sum = 0;
		});
	}

	/**
	 * Start a timer that could be used to logging durations
	 * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
	 * @returns {function} - Function to invoke when you want to stop the timer and observe the duration in seconds
	 * @example
	 * var end = summary.startTimer();
	 * makeExpensiveXHRRequest(function(err, res) {
	 *	end(); //Observe the duration of expensiveXHRRequest
	 * });
	 */
	startTimer(labels) {
		return startTimer.call(this, labels)();
	}

	labels(...args) {
		const labels = getLabels(this.labelNames, args);
		validateLabel(this.labelNames, labels);
		return {
			observe: observe.call(this, labels),
			startTimer: startTimer.call(this, labels),
		};
	}

	remove(...args) {
		const labels = getLabels(this.labelNames, args);
		validateLabel(this.labelNames, labels);
		removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
	}
}

function extractSummariesForExport(summaryOfLabels, percentiles) {
	summaryOfLabels.td.compress();

	return percentiles.map(percentile => {
		const percentileValue = summaryOfLabels.td.percentile(percentile);
		return {
			labels: Object.assign({ quantile: percentile }, summaryOfLabels.labels),
			value: percentileValue ? percentileValue : 0,
		};
	});
}

function getCountForExport(value, summary) {
	return {
		metricName: `${summary.name}_count`,
		labels: value.labels,
		value: value.count,
	};
}

function getSumForExport(value, summary) {
	return {
		metricName: `${summary.name}_sum`,
		labels: value.labels,
		value: value.sum,
	};
}

function startTimer(startLabels) {
	return () => {
		const start = process.hrtime();
		return endLabels => {
			const delta = process.hrtime(start);
			const value = delta[0] + delta[1] / 1e9;
			this.observe(Object.assign({}, startLabels, endLabels), value);
			return value;
		};
	};
}

function observe(labels) {
	return value => {
		const labelValuePair = convertLabelsAndValues(labels, value);

		validateLabel(this.labelNames, labels);
		if (!Number.isFinite(labelValuePair.value)) {
			throw new TypeError(
				`Value is not a valid number: ${util.format(labelValuePair.value)}`,
			);
		}

		const hash = hashObject(labelValuePair.labels, this.sortedLabelNames);
		let summaryOfLabel = this.hashMap[hash];
		if (!summaryOfLabel) {
			summaryOfLabel = {
				labels: labelValuePair.labels,
				td: new timeWindowQuantiles(this.maxAgeSeconds, this.ageBuckets),
				count: 0,
				sum: 0,
			};
		}

		summaryOfLabel.td.push(labelValuePair.value);
		summaryOfLabel.count++;
		if (summaryOfLabel.count % this.compressCount === 0) {
			summaryOfLabel.td.compress();
		}
		summaryOfLabel.sum += labelValuePair.value;
		this.hashMap[hash] = summaryOfLabel;
	};
}

function convertLabelsAndValues(labels, value) {
	if (value === undefined) {
		return {
			value: labels,
			labels: {},
		};
	}

	return {
		labels,
		value,
	};
}

module.exports = Summary;


/***/ }),

/***/ 7639:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { TDigest } = __nccwpck_require__(3528);

class TimeWindowQuantiles {
	constructor(maxAgeSeconds, ageBuckets) {
		this.maxAgeSeconds = maxAgeSeconds || 0;
		this.ageBuckets = ageBuckets || 0;

		this.shouldRotate = maxAgeSeconds && ageBuckets;

		this.ringBuffer = Array(ageBuckets).fill(new TDigest());
		this.currentBuffer = 0;

		this.lastRotateTimestampMillis = Date.now();
		this.durationBetweenRotatesMillis =
			(maxAgeSeconds * 1000) / ageBuckets || Infinity;
	}

	size() {
		const bucket = rotate.call(this);
		return bucket.size();
	}

	percentile(quantile) {
		const bucket = rotate.call(this);
		return bucket.percentile(quantile);
	}

	push(value) {
		rotate.call(this);
		this.ringBuffer.forEach(bucket => {
			bucket.push(value);
		});
	}

	reset() {
		this.ringBuffer.forEach(bucket => {
			bucket.reset();
		});
	}

	compress() {
		this.ringBuffer.forEach(bucket => {
			bucket.compress();
		});
	}
}

function rotate() {
	let timeSinceLastRotateMillis = Date.now() - this.lastRotateTimestampMillis;
	while (
		timeSinceLastRotateMillis > this.durationBetweenRotatesMillis &&
		this.shouldRotate
	) {
		this.ringBuffer[this.currentBuffer] = new TDigest();

		if (++this.currentBuffer >= this.ringBuffer.length) {
			this.currentBuffer = 0;
		}
		timeSinceLastRotateMillis -= this.durationBetweenRotatesMillis;
		this.lastRotateTimestampMillis += this.durationBetweenRotatesMillis;
	}
	return this.ringBuffer[this.currentBuffer];
}

module.exports = TimeWindowQuantiles;


/***/ }),

/***/ 9588:
/***/ ((__unused_webpack_module, exports) => {



exports.getValueAsString = function getValueString(value) {
	if (Number.isNaN(value)) {
		return 'Nan';
	} else if (!Number.isFinite(value)) {
		if (value < 0) {
			return '-Inf';
		} else {
			return '+Inf';
		}
	} else {
		return `${value}`;
	}
};

exports.removeLabels = function removeLabels(
	hashMap,
	labels,
	sortedLabelNames,
) {
	const hash = hashObject(labels, sortedLabelNames);
	delete hashMap[hash];
};

exports.setValue = function setValue(hashMap, value, labels) {
	const hash = hashObject(labels);
	hashMap[hash] = {
		value: typeof value === 'number' ? value : 0,
		labels: labels || {},
	};
	return hashMap;
};

exports.setValueDelta = function setValueDelta(
	hashMap,
	deltaValue,
	labels,
	hash = '',
) {
	const value = typeof deltaValue === 'number' ? deltaValue : 0;
	if (hashMap[hash]) {
		hashMap[hash].value += value;
	} else {
		hashMap[hash] = { value, labels };
	}
	return hashMap;
};

exports.getLabels = function (labelNames, args) {
	if (typeof args[0] === 'object') {
		return args[0];
	}

	if (labelNames.length !== args.length) {
		throw new Error(
			`Invalid number of arguments (${args.length}): "${args.join(
				', ',
			)}" for label names (${labelNames.length}): "${labelNames.join(', ')}".`,
		);
	}

	const acc = {};
	for (let i = 0; i < labelNames.length; i++) {
		acc[labelNames[i]] = args[i];
	}
	return acc;
};

function fastHashObject(keys, labels) {
	if (keys.length === 0) {
		return '';
	}

	let hash = '';

	for (let i = 0; i < keys.length; i++) {
		const key = keys[i];
		const value = labels[key];
		if (value === undefined) continue;

		hash += `${key}:${value},`;
	}

	return hash;
}

function hashObject(labels, labelNames) {
	// We don't actually need a hash here. We just need a string that
	// is unique for each possible labels object and consistent across
	// calls with equivalent labels objects.

	if (labelNames) {
		return fastHashObject(labelNames, labels);
	}

	const keys = Object.keys(labels);
	if (keys.length > 1) {
		keys.sort(); // need consistency across calls
	}

	return fastHashObject(keys, labels);
}
exports.hashObject = hashObject;

exports.isObject = function isObject(obj) {
	return obj !== null && typeof obj === 'object';
};

exports.nowTimestamp = function nowTimestamp() {
	return Date.now() / 1000;
};

class Grouper extends Map {
	/**
	 * Adds the `value` to the `key`'s array of values.
	 * @param {*} key Key to set.
	 * @param {*} value Value to add to `key`'s array.
	 * @returns {undefined} undefined.
	 */
	add(key, value) {
		if (this.has(key)) {
			this.get(key).push(value);
		} else {
			this.set(key, [value]);
		}
	}
}

exports.Grouper = Grouper;


/***/ }),

/***/ 1539:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



const util = __nccwpck_require__(9023);

// These are from https://prometheus.io/docs/concepts/data_model/#metric-names-and-labels
const metricRegexp = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const labelRegexp = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

exports.validateMetricName = function (name) {
	return metricRegexp.test(name);
};

exports.validateLabelName = function (names = []) {
	return names.every(name => labelRegexp.test(name));
};

exports.validateLabel = function validateLabel(savedLabels, labels) {
	for (const label in labels) {
		if (!savedLabels.includes(label)) {
			throw new Error(
				`Added label "${label}" is not included in initial labelset: ${util.inspect(
					savedLabels,
				)}`,
			);
		}
	}
};


/***/ }),

/***/ 3528:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

//
// TDigest:
//
// approximate distribution percentiles from a stream of reals
//
var RBTree = (__nccwpck_require__(7750).RBTree);

function TDigest(delta, K, CX) {
    // allocate a TDigest structure.
    //
    // delta is the compression factor, the max fraction of mass that
    // can be owned by one centroid (bigger, up to 1.0, means more
    // compression). delta=false switches off TDigest behavior and treats
    // the distribution as discrete, with no merging and exact values
    // reported.
    //
    // K is a size threshold that triggers recompression as the TDigest
    // grows during input.  (Set it to 0 to disable automatic recompression)
    //
    // CX specifies how often to update cached cumulative totals used
    // for quantile estimation during ingest (see cumulate()).  Set to
    // 0 to use exact quantiles for each new point.
    //
    this.discrete = (delta === false);
    this.delta = delta || 0.01;
    this.K = (K === undefined) ? 25 : K;
    this.CX = (CX === undefined) ? 1.1 : CX;
    this.centroids = new RBTree(compare_centroid_means);
    this.nreset = 0;
    this.reset();
}

TDigest.prototype.reset = function() {
    // prepare to digest new points.
    //
    this.centroids.clear();
    this.n = 0;
    this.nreset += 1;
    this.last_cumulate = 0;
};

TDigest.prototype.size = function() {
    return this.centroids.size;
};

TDigest.prototype.toArray = function(everything) {
    // return {mean,n} of centroids as an array ordered by mean.
    //
    var result = [];
    if (everything) {
        this._cumulate(true); // be sure cumns are exact
        this.centroids.each(function(c) { result.push(c); });
    } else {
        this.centroids.each(function(c) { result.push({mean:c.mean, n:c.n}); });
    }
    return result;
};

TDigest.prototype.summary = function() {
    var approx = (this.discrete) ? "exact " : "approximating ";
    var s = [approx + this.n + " samples using " + this.size() + " centroids",
             "min = "+this.percentile(0),
             "Q1  = "+this.percentile(0.25),
             "Q2  = "+this.percentile(0.5),
             "Q3  = "+this.percentile(0.75),
             "max = "+this.percentile(1.0)];
    return s.join('\n');
};

function compare_centroid_means(a, b) {
    // order two centroids by mean.
    //
    return (a.mean > b.mean) ? 1 : (a.mean < b.mean) ? -1 : 0;
}

function compare_centroid_mean_cumns(a, b) {
    // order two centroids by mean_cumn.
    //
    return (a.mean_cumn - b.mean_cumn);
}

TDigest.prototype.push = function(x, n) {
    // incorporate value or array of values x, having count n into the
    // TDigest. n defaults to 1.
    //
    n = n || 1;
    x = Array.isArray(x) ? x : [x];
    for (var i = 0 ; i < x.length ; i++) {
        this._digest(x[i], n);
    }
};

TDigest.prototype.push_centroid = function(c) {
    // incorporate centroid or array of centroids c
    //
    c = Array.isArray(c) ? c : [c];
    for (var i = 0 ; i < c.length ; i++) {
        this._digest(c[i].mean, c[i].n);
    }
};

TDigest.prototype._cumulate = function(exact) {
    // update cumulative counts for each centroid
    //
    // exact: falsey means only cumulate after sufficient
    // growth. During ingest, these counts are used as quantile
    // estimates, and they work well even when somewhat out of
    // date. (this is a departure from the publication, you may set CX
    // to 0 to disable).
    //
    if (this.n === this.last_cumulate ||
        !exact && this.CX && this.CX > (this.n / this.last_cumulate)) {
        return;
    }
    var cumn = 0;
    this.centroids.each(function(c) {
        c.mean_cumn = cumn + c.n / 2; // half of n at the mean
        cumn = c.cumn = cumn + c.n;
    });
    this.n = this.last_cumulate = cumn;
};

TDigest.prototype.find_nearest = function(x) {
    // find the centroid closest to x. The assumption of
    // unique means and a unique nearest centroid departs from the
    // paper, see _digest() below
    //
    if (this.size() === 0) {
        return null;
    }
    var iter = this.centroids.lowerBound({mean:x}); // x <= iter || iter==null
    var c = (iter.data() === null) ? iter.prev() : iter.data();
    if (c.mean === x || this.discrete) {
        return c; // c is either x or a neighbor (discrete: no distance func)
    }
    var prev = iter.prev();
    if (prev && Math.abs(prev.mean - x) < Math.abs(c.mean - x)) {
        return prev;
    } else {
        return c;
    }
};

TDigest.prototype._new_centroid = function(x, n, cumn) {
    // create and insert a new centroid into the digest (don't update
    // cumulatives).
    //
    var c = {mean:x, n:n, cumn:cumn};
    this.centroids.insert(c);
    this.n += n;
    return c;
};

TDigest.prototype._addweight = function(nearest, x, n) {
    // add weight at location x to nearest centroid.  adding x to
    // nearest will not shift its relative position in the tree and
    // require reinsertion.
    //
    if (x !== nearest.mean) {
        nearest.mean += n * (x - nearest.mean) / (nearest.n + n);
    }
    nearest.cumn += n;
    nearest.mean_cumn += n / 2;
    nearest.n += n;
    this.n += n;
};

TDigest.prototype._digest = function(x, n) {
    // incorporate value x, having count n into the TDigest.
    //
    var min = this.centroids.min();
    var max = this.centroids.max();
    var nearest = this.find_nearest(x);
    if (nearest && nearest.mean === x) {
        // accumulate exact matches into the centroid without
        // limit. this is a departure from the paper, made so
        // centroids remain unique and code can be simple.
        this._addweight(nearest, x, n);
    } else if (nearest === min) {
        this._new_centroid(x, n, 0); // new point around min boundary
    } else if (nearest === max ) {
        this._new_centroid(x, n, this.n); // new point around max boundary
    } else if (this.discrete) {
        this._new_centroid(x, n, nearest.cumn); // never merge
    } else {
        // conider a merge based on nearest centroid's capacity. if
        // there's not room for all of n, don't bother merging any of
        // it into nearest, as we'll have to make a new centroid
        // anyway for the remainder (departure from the paper).
        var p = nearest.mean_cumn / this.n;
        var max_n = Math.floor(4 * this.n * this.delta * p * (1 - p));
        if (max_n - nearest.n >= n) {
            this._addweight(nearest, x, n);
        } else {
            this._new_centroid(x, n, nearest.cumn);
        }
    }
    this._cumulate(false);
    if (!this.discrete && this.K && this.size() > this.K / this.delta) {
        // re-process the centroids and hope for some compression.
        this.compress();
    }
};

TDigest.prototype.bound_mean = function(x) {
    // find centroids lower and upper such that lower.mean < x <
    // upper.mean or lower.mean === x === upper.mean. Don't call
    // this for x out of bounds.
    //
    var iter = this.centroids.upperBound({mean:x}); // x < iter
    var lower = iter.prev();      // lower <= x
    var upper = (lower.mean === x) ? lower : iter.next();
    return [lower, upper];
};

TDigest.prototype.p_rank = function(x_or_xlist) {
    // return approximate percentile-ranks (0..1) for data value x.
    // or list of x.  calculated according to
    // https://en.wikipedia.org/wiki/Percentile_rank
    //
    // (Note that in continuous mode, boundary sample values will
    // report half their centroid weight inward from 0/1 as the
    // percentile-rank. X values outside the observed range return
    // 0/1)
    //
    // this triggers cumulate() if cumn's are out of date.
    //
    var xs = Array.isArray(x_or_xlist) ? x_or_xlist : [x_or_xlist];
    var ps = xs.map(this._p_rank, this);
    return Array.isArray(x_or_xlist) ? ps : ps[0];
};

TDigest.prototype._p_rank = function(x) {
    if (this.size() === 0) {
        return undefined;
    } else if (x < this.centroids.min().mean) {
        return 0.0;
    } else if (x > this.centroids.max().mean) {
        return 1.0;
    }
    // find centroids that bracket x and interpolate x's cumn from
    // their cumn's.
    this._cumulate(true); // be sure cumns are exact
    var bound = this.bound_mean(x);
    var lower = bound[0], upper = bound[1];
    if (this.discrete) {
        return lower.cumn / this.n;
    } else {
        var cumn = lower.mean_cumn;
        if (lower !== upper) {
            cumn += (x - lower.mean) * (upper.mean_cumn - lower.mean_cumn) / (upper.mean - lower.mean);
        }
        return cumn / this.n;
    }
};

TDigest.prototype.bound_mean_cumn = function(cumn) {
    // find centroids lower and upper such that lower.mean_cumn < x <
    // upper.mean_cumn or lower.mean_cumn === x === upper.mean_cumn. Don't call
    // this for cumn out of bounds.
    //
    // XXX because mean and mean_cumn give rise to the same sort order
    // (up to identical means), use the mean rbtree for our search.
    this.centroids._comparator = compare_centroid_mean_cumns;
    var iter = this.centroids.upperBound({mean_cumn:cumn}); // cumn < iter
    this.centroids._comparator = compare_centroid_means;
    var lower = iter.prev();      // lower <= cumn
    var upper = (lower && lower.mean_cumn === cumn) ? lower : iter.next();
    return [lower, upper];
};

TDigest.prototype.percentile = function(p_or_plist) {
    // for percentage p (0..1), or for each p in a list of ps, return
    // the smallest data value q at which at least p percent of the
    // observations <= q.
    //
    // for discrete distributions, this selects q using the Nearest
    // Rank Method
    // (https://en.wikipedia.org/wiki/Percentile#The_Nearest_Rank_method)
    // (in scipy, same as percentile(...., interpolation='higher')
    //
    // for continuous distributions, interpolates data values between
    // count-weighted bracketing means.
    //
    // this triggers cumulate() if cumn's are out of date.
    //
    var ps = Array.isArray(p_or_plist) ? p_or_plist : [p_or_plist];
    var qs = ps.map(this._percentile, this);
    return Array.isArray(p_or_plist) ? qs : qs[0];
};

TDigest.prototype._percentile = function(p) {
    if (this.size() === 0) {
        return undefined;
    }
    this._cumulate(true); // be sure cumns are exact
    var h = this.n * p;
    var bound = this.bound_mean_cumn(h);
    var lower = bound[0], upper = bound[1];

    if (upper === lower || lower === null || upper === null) {
        return (lower || upper).mean;
    } else if (!this.discrete) {
        return lower.mean + (h - lower.mean_cumn) * (upper.mean - lower.mean) / (upper.mean_cumn - lower.mean_cumn);
    } else if (h <= lower.cumn) {
        return lower.mean;
    } else {
        return upper.mean;
    }
};

function pop_random(choices) {
    // remove and return an item randomly chosen from the array of choices
    // (mutates choices)
    //
    var idx = Math.floor(Math.random() * choices.length);
    return choices.splice(idx, 1)[0];
}

TDigest.prototype.compress = function() {
    // TDigests experience worst case compression (none) when input
    // increases monotonically.  Improve on any bad luck by
    // reconsuming digest centroids as if they were weighted points
    // while shuffling their order (and hope for the best).
    //
    if (this.compressing) {
        return;
    }
    var points = this.toArray();
    this.reset();
    this.compressing = true;
    while (points.length > 0) {
        this.push_centroid(pop_random(points));
    }
    this._cumulate(true);
    this.compressing = false;
};

function Digest(config) {
    // allocate a distribution digest structure. This is an extension
    // of a TDigest structure that starts in exact histogram (discrete)
    // mode, and automatically switches to TDigest mode for large
    // samples that appear to be from a continuous distribution.
    //
    this.config = config || {};
    this.mode = this.config.mode || 'auto'; // disc, cont, auto
    TDigest.call(this, this.mode === 'cont' ? config.delta : false);
    this.digest_ratio = this.config.ratio || 0.9;
    this.digest_thresh = this.config.thresh || 1000;
    this.n_unique = 0;
}
Digest.prototype = Object.create(TDigest.prototype);
Digest.prototype.constructor = Digest;

Digest.prototype.push = function(x_or_xlist) {
    TDigest.prototype.push.call(this, x_or_xlist);
    this.check_continuous();
};

Digest.prototype._new_centroid = function(x, n, cumn) {
    this.n_unique += 1;
    TDigest.prototype._new_centroid.call(this, x, n, cumn);
};

Digest.prototype._addweight = function(nearest, x, n) {
    if (nearest.n === 1) {
        this.n_unique -= 1;
    }
    TDigest.prototype._addweight.call(this, nearest, x, n);
};

Digest.prototype.check_continuous = function() {
    // while in 'auto' mode, if there are many unique elements, assume
    // they are from a continuous distribution and switch to 'cont'
    // mode (tdigest behavior). Return true on transition from
    // disctete to continuous.
    if (this.mode !== 'auto' || this.size() < this.digest_thresh) {
        return false;
    }
    if (this.n_unique / this.size() > this.digest_ratio) {
        this.mode = 'cont';
        this.discrete = false;
        this.delta = this.config.delta || 0.01;
        this.compress();
        return true;
    }
    return false;
};

module.exports = {
    'TDigest': TDigest,
    'Digest': Digest
};


/***/ }),

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4266);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);


// The first SIGINT or SIGTERM stops the run at the next frame (exit 130 or 143); a second one kills at once.
const abort = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => abort.abort(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InterruptedError */ .p4(`interrupted (${signal})`, signal)));
}
process.exitCode = await (0,_cli_main_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: abort.signal,
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 4266:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/observe/log.ts
/**
 * Logging. Two formats behind one interface: 'text' for people (`HH:MM:SS level message key=value`)
 * and 'json' for machines (one object per line: time, level, msg, then fields). Lines go to an
 * injected writable (stderr by default), so stdout stays free for data and tests can capture output.
 */
const LOG_LEVELS = (/* unused pure expression or super */ null && (['debug', 'info', 'warn', 'error']));
const RANK = { debug: 10, info: 20, warn: 30, error: 40 };
/** Keys a JSON line owns; fields with these names are written as `field.<name>` instead. */
const RESERVED = new Set(['time', 'level', 'msg']);
function isLogLevel(value) {
    return typeof value === 'string' && LOG_LEVELS.includes(value);
}
function pad2(n) {
    return String(n).padStart(2, '0');
}
/** Local wall-clock time as HH:MM:SS. */
function formatClock(date) {
    return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}
/** Converts a field value to something JSON can carry (Errors, bigints, cycles). */
function jsonSafe(value) {
    // Objects on the path from the root to the value being written; a repeat there is a cycle
    // (an object merely referenced twice is written twice).
    const ancestors = [];
    const replacer = function (_key, v) {
        if (typeof v === 'bigint')
            return v.toString();
        if (typeof v !== 'object' || v === null)
            return v;
        while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this)
            ancestors.pop();
        if (ancestors.includes(v))
            return '[Circular]';
        const out = v instanceof Error ? { name: v.name, message: v.message } : v;
        ancestors.push(out);
        return out;
    };
    try {
        const text = JSON.stringify(value, replacer);
        return text === undefined ? undefined : JSON.parse(text);
    }
    catch {
        return String(value);
    }
}
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;
/** Keeps a text line one line: control characters are written as JSON escapes (`\n`, `\u001b`). */
function escapeControl(text) {
    return text.replace(CONTROL_ALL, (c) => JSON.stringify(c).slice(1, -1));
}
/** A field value for a text line: bare when safe, otherwise JSON-quoted. */
function textValue(value) {
    if (value instanceof Error)
        return textValue(value.message);
    if (typeof value === 'string') {
        return value !== '' && !/[\s"=\\]/.test(value) && !CONTROL.test(value) ? value : JSON.stringify(value);
    }
    if (typeof value === 'number' || typeof value === 'boolean' || value === null || typeof value === 'bigint') {
        return String(value);
    }
    const json = jsonSafe(value);
    return json === undefined ? String(value) : JSON.stringify(json);
}
function textKey(key) {
    return /^[\w.-]+$/.test(key) ? key : JSON.stringify(key);
}
function definedEntries(fields) {
    return Object.entries(fields).filter(([, v]) => v !== undefined);
}
class StreamLogger {
    format;
    level;
    stream;
    clock;
    fields;
    constructor(format, level, stream, clock, fields) {
        this.format = format;
        this.level = level;
        this.stream = stream;
        this.clock = clock;
        this.fields = fields;
    }
    debug(message, fields) {
        this.log('debug', message, fields);
    }
    info(message, fields) {
        this.log('info', message, fields);
    }
    warn(message, fields) {
        this.log('warn', message, fields);
    }
    error(message, fields) {
        this.log('error', message, fields);
    }
    isEnabled(level) {
        return RANK[level] >= RANK[this.level];
    }
    child(fields) {
        return new StreamLogger(this.format, this.level, this.stream, this.clock, { ...this.fields, ...fields });
    }
    log(level, message, fields) {
        if (!this.isEnabled(level))
            return;
        const all = definedEntries({ ...this.fields, ...fields });
        const now = this.clock();
        const line = this.format === 'json' ? this.jsonLine(now, level, message, all) : this.textLine(now, level, message, all);
        this.stream.write(line + '\n');
    }
    textLine(now, level, message, fields) {
        const parts = [formatClock(now), level.padEnd(5), escapeControl(message)];
        for (const [key, value] of fields)
            parts.push(`${textKey(key)}=${textValue(value)}`);
        return parts.join(' ');
    }
    jsonLine(now, level, message, fields) {
        const record = { time: now.toISOString(), level, msg: message };
        for (const [key, value] of fields) {
            record[RESERVED.has(key) ? `field.${key}` : key] = jsonSafe(value);
        }
        return JSON.stringify(record);
    }
}
function createLogger(options = {}) {
    return new StreamLogger(options.format ?? 'text', options.level ?? 'info', options.stream ?? process.stderr, options.clock ?? (() => new Date()), options.fields ?? {});
}
/** A logger that writes nothing (for library use and tests that do not look at logs). */
function silentLogger() {
    return createLogger({ level: 'error', stream: { write: () => true } });
}

;// CONCATENATED MODULE: ./src/observe/text-bar.ts
/**
 * A compact horizontal bar drawn with Unicode block characters (eighth-cell resolution), for progress
 * lines and text charts: `textBar(5.5, 10, 4)` → `██▎` (5.5/10 of 4 cells = 2.2 cells).
 */
/** Partial blocks for 1/8 … 7/8 of a cell. */
const PARTIAL = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const FULL = '█';
/**
 * A bar `width` cells long at `max`. Zero (or negative, or non-finite) gives an empty string; any
 * positive value gives at least a thin sliver so it is not mistaken for zero.
 */
function textBar(value, max, width = 20) {
    if (!(value > 0) || !(max > 0) || !(width > 0) || !Number.isFinite(value))
        return '';
    const eighths = Math.round((Math.min(value, max) / max) * width * 8);
    const full = Math.floor(eighths / 8);
    const partial = PARTIAL[eighths % 8] ?? '';
    const bar = FULL.repeat(full) + partial;
    return bar === '' ? PARTIAL[1] : bar;
}

;// CONCATENATED MODULE: ./src/observe/progress.ts

/** `M:SS`, or `H:MM:SS` from one hour; `--:--` for null. */
function formatEta(seconds) {
    if (seconds === null || !Number.isFinite(seconds))
        return '--:--';
    const s = Math.max(0, Math.round(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = String(s % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
/** `label [████▌     ] 120/500 frames 24% 12.3 frames/s ETA 0:31` (bar and percent need a total). */
function formatProgressLine(snapshot, options = {}) {
    const unit = options.unit ?? 'frames';
    const width = options.barWidth ?? 20;
    const parts = [];
    if (options.label)
        parts.push(options.label);
    if (snapshot.total > 0 && width > 0) {
        const bar = textBar(snapshot.done, snapshot.total, width);
        parts.push(`[${bar}${' '.repeat(Math.max(0, width - [...bar].length))}]`);
    }
    parts.push(snapshot.total > 0 ? `${snapshot.done}/${snapshot.total} ${unit}` : `${snapshot.done} ${unit}`);
    if (snapshot.percent !== null)
        parts.push(`${Math.floor(snapshot.percent)}%`);
    parts.push(`${snapshot.rate.toFixed(1)} ${unit}/s`);
    parts.push(`ETA ${formatEta(snapshot.etaSeconds)}`);
    return parts.join(' ');
}
const CLEAR_LINE = '\r\x1b[K';
class Progress {
    options;
    /** 'tty': redrawn line; 'log': periodic lines. */
    mode;
    stream;
    clock;
    startedAt;
    intervalMs;
    redrawMs;
    total;
    done = 0;
    lastEmit;
    drawn = false;
    finished = false;
    constructor(options) {
        this.options = options;
        this.stream = options.stream ?? process.stderr;
        this.clock = options.clock ?? (() => performance.now());
        const tty = options.tty ?? this.stream.isTTY === true;
        this.mode = tty && options.format !== 'json' ? 'tty' : 'log';
        this.intervalMs = options.intervalMs ?? 5000;
        this.redrawMs = options.redrawMs ?? 100;
        this.total = Math.max(0, options.total);
        this.startedAt = this.clock();
        this.lastEmit = this.startedAt;
    }
    /** Sets the number of items done (and the total, when it became known or changed). */
    update(done, total) {
        if (this.finished)
            return;
        this.done = Math.max(0, done);
        if (total !== undefined)
            this.total = Math.max(0, total);
        const now = this.clock();
        if (this.mode === 'tty') {
            if (!this.drawn || now - this.lastEmit >= this.redrawMs)
                this.draw(now);
        }
        else if (now - this.lastEmit >= this.intervalMs) {
            this.logLine(now);
        }
    }
    /** Adds `n` items done. */
    tick(n = 1) {
        this.update(this.done + n);
    }
    snapshot(now = this.clock()) {
        const elapsedMs = Math.max(0, now - this.startedAt);
        const rate = elapsedMs > 0 ? (this.done * 1000) / elapsedMs : 0;
        const total = this.total;
        const percent = total > 0 ? Math.min(100, (this.done / total) * 100) : null;
        const etaSeconds = total > 0 && rate > 0 ? Math.max(0, total - this.done) / rate : null;
        return { done: this.done, total, percent, rate, etaSeconds, elapsedMs };
    }
    /** On a terminal, erases the progress line (e.g. before a log line); the next update redraws it. */
    clear() {
        if (this.mode === 'tty' && this.drawn) {
            this.stream.write(CLEAR_LINE);
            this.drawn = false;
        }
    }
    /** Writes the final state: the terminal line is redrawn and ended, or a last log line is written. */
    finish() {
        if (this.finished)
            return;
        const now = this.clock();
        if (this.mode === 'tty') {
            this.draw(now);
            this.stream.write('\n');
        }
        else {
            this.logLine(now);
        }
        this.finished = true;
    }
    line(now, barWidth) {
        return formatProgressLine(this.snapshot(now), {
            label: this.options.label,
            unit: this.options.unit,
            barWidth,
        });
    }
    draw(now) {
        let text = this.line(now, this.options.barWidth ?? 20);
        const columns = this.stream.columns;
        if (columns !== undefined && columns > 1) {
            const chars = [...text];
            if (chars.length > columns - 1)
                text = chars.slice(0, columns - 1).join('');
        }
        this.stream.write(CLEAR_LINE + text);
        this.drawn = true;
        this.lastEmit = now;
    }
    logLine(now) {
        this.lastEmit = now;
        const logger = this.options.logger;
        if (!logger) {
            this.stream.write(this.line(now, 0) + '\n');
            return;
        }
        const s = this.snapshot(now);
        logger.info(this.options.label ? `progress ${this.options.label}` : 'progress', {
            done: s.done,
            total: s.total,
            percent: s.percent === null ? null : Math.floor(s.percent),
            fps: Math.round(s.rate * 10) / 10,
            eta: formatEta(s.etaSeconds),
        });
    }
}
function createProgress(options) {
    return new Progress(options);
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/domain/run-options.ts
const DECODE_OPTIONS = ['auto', 'all', 'keyframes'];
/** The CLI's spelling, and the library's default. */
const run_options_cliName = (key) => `--${key}`;

;// CONCATENATED MODULE: ./src/domain/exports.ts
/**
 * The annotation formats a dataset can be exported to (`--export`), and what the run records about
 * each one it wrote. Every export is made from the COCO records of the run (domain/coco.ts), never by
 * detecting again; the files they write are listed in dataset-files.ts (`EXPORT_FILES`).
 */
const EXPORT_FORMATS = ['coco', 'yolo', 'label-studio', 'cvat'];
const DEFAULT_EXPORTS = (/* unused pure expression or super */ null && (['coco']));
/** Where Label Studio finds the images unless told otherwise: its local-files storage, rooted at the dataset folder. */
const DEFAULT_LABEL_STUDIO_IMAGES = '/data/local-files/?d=images/';

;// CONCATENATED MODULE: ./src/domain/sampling.ts
const DEFAULT_SAMPLING = { mode: 'fps', fps: 1 };
function describeSampling(sampling) {
    return sampling.mode === 'fps' ? `${sampling.fps} frame(s)/s` : `every ${sampling.n} frame(s)`;
}

;// CONCATENATED MODULE: ./src/domain/thresholds.ts
/** The filters' thresholds and their defaults; docs/thresholds.md has the measurements behind them. */
/** Chosen from measurements on the sample video; see docs/thresholds.md. */
const DEFAULT_QUALITY_THRESHOLDS = Object.freeze({
    blackLuma: 16,
    overexposedLuma: 240,
    blurThreshold: 0,
    blurRatio: 0.4,
    blurWindow: 15,
});
/** Chosen from measurements on the sample video; see docs/thresholds.md. */
const DEFAULT_DEDUP_THRESHOLD = 2;
/**
 * Largest local change (luma levels, 0..255) a frame may show against the last kept frame and still be
 * a duplicate: the largest change of one cell's mean luma on a 32x32 grid over the analysis image,
 * after removing the frame-wide change (src/pipeline/local-change.ts). Sensor noise, compression and a
 * few percent of flicker move it by up to 13; the smallest change between real frames of the sample
 * video at 2 frames/s is 27 (docs/thresholds.md). 255 turns the local check off (pHash only).
 */
const DEFAULT_DEDUP_LOCAL_THRESHOLD = 20;
/** The largest local change: a local threshold this high never keeps a frame the pHash would drop. */
const LOCAL_CHANGE_MAX = 255;
/** Dedup threshold value that turns deduplication off: every frame is kept and no hash is computed. */
const DEDUP_DISABLED = -1;
/** Bits in a frame's perceptual hash: the largest Hamming distance, and the largest dedup threshold. */
const HASH_BITS = 64;
/**
 * The dedup reference is reset at every multiple of this much video time: the first frame sampled at
 * or after a checkpoint compares against nothing. This bounds what a frame's dedup outcome depends on,
 * so a run over a time range (`--start`) can replay quality and dedup from the checkpoint before its
 * start and decide exactly as a run over the whole video does (docs/long-videos.md). On a fixed camera
 * it costs at most one extra kept frame per period.
 */
const DEDUP_CHECKPOINT_MS = 600_000;

;// CONCATENATED MODULE: ./src/domain/timeouts.ts
/** How long the run waits on what it does not control: ffmpeg/ffprobe reading a video, a model download. */
/** Seconds without progress before ffmpeg, ffprobe or a model download is stopped (`stall-timeout`). */
const DEFAULT_STALL_TIMEOUT_SECONDS = 60;
/** Seconds a whole model download may take, retries included (`download-timeout`). */
const DEFAULT_DOWNLOAD_TIMEOUT_SECONDS = 600;

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./node_modules/zod/v4/core/util.js

// functions
function assertEqual(val) {
    return val;
}
function assertNotEqual(val) {
    return val;
}
function toZod() {
    return (schema) => schema;
}
function assertIs(_arg) { }
function assertNever(_x) {
    throw new Error("Unexpected value in exhaustive check");
}
function assert(_) { }
function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v) => typeof v === "number");
    const values = Object.entries(entries)
        .filter(([k, _]) => numericValues.indexOf(+k) === -1)
        .map(([_, v]) => v);
    return values;
}
function joinValues(array, separator = "|") {
    return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
    if (typeof value === "bigint")
        return value.toString();
    return value;
}
// the accessor lives on a shared prototype: an own accessor makes every box a dictionary-mode object (~360 B and a slow load per read against ~100 B and an inlined getter here)
class Cached {
    constructor(getter) {
        this._getter = getter;
        this._value = undefined;
    }
    get value() {
        const getter = this._getter;
        if (getter !== undefined) {
            this._value = getter();
            this._getter = undefined;
        }
        return this._value;
    }
}
function cached(getter) {
    return new Cached(getter);
}
function nullish(input) {
    return input === null || input === undefined;
}
function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
    const ratio = val / step;
    const roundedRatio = Math.round(ratio);
    // `val` and `step` each round to a double before the division rounds again, so a true decimal multiple's quotient can sit up to 1.5 of these scaled epsilons from the integer. A 1x tolerance therefore rejected 2.03 as a multiple of 0.07; 4x covers the worst case with margin.
    const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
    if (Math.abs(ratio - roundedRatio) < tolerance)
        return 0;
    return ratio - roundedRatio;
}
const EVALUATING = /* @__PURE__*/ (/* unused pure expression or super */ null && (Symbol("evaluating")));
function defineLazy(object, key, getter) {
    let value = undefined;
    Object.defineProperty(object, key, {
        get() {
            if (value === EVALUATING) {
                // Circular reference detected, return undefined to break the cycle
                return undefined;
            }
            if (value === undefined) {
                value = EVALUATING;
                value = getter();
            }
            return value;
        },
        set(v) {
            Object.defineProperty(object, key, {
                value: v,
                // configurable: true,
            });
            // object[key] = v;
        },
        configurable: true,
    });
}
function objectClone(obj) {
    return Object.create(Object.getPrototypeOf(obj), Object.getOwnPropertyDescriptors(obj));
}
function util_assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    });
}
/**
 * Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
 *
 * Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
 */
function rawShape(def) {
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    return desc?.get ? desc.get.raw : desc?.value;
}
// where a builder reads its source's keys and descriptors, resolving only a shape a def answers for itself. A shape resolves by object spread, so only its enumerable keys are ever part of it.
function sourceShape(schema) {
    return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
// a key whose value is not settled yet, self-caching so every read after the first gets the same one
function deferProp(target, key, getter) {
    Object.defineProperty(target, key, {
        get() {
            const value = getter();
            util_assignProp(this, key, value);
            return value;
        },
        enumerable: true,
        configurable: true,
    });
}
// Writes a settled key. A plain assignment is much cheaper than `defineProperty` and produces the same descriptor, but it runs whatever setter already answers to the key — an accessor this shape deferred, or an inherited one, which `__proto__` has on every object and prototype pollution can add for any name.
function putProp(target, key, value) {
    if (key in target)
        util_assignProp(target, key, value);
    else
        target[key] = value;
}
/**
 * Copies `keys` of `source`'s shape onto `target`, each value passed through `wrap`.
 *
 * A key the source has resolved is copied through now, so the derived shape states it outright and nothing has to resolve it to learn what it holds. A key the source still defers stays deferred, and reads back through the source's own `shape`, so it resolves once and both shapes get that one schema.
 */
function mirrorShape(target, source, keys, wrap) {
    const raw = sourceShape(source);
    for (const key of keys) {
        const desc = Object.getOwnPropertyDescriptor(raw, key);
        if (!desc.enumerable)
            continue;
        if (desc.get) {
            deferProp(target, key, () => {
                const value = source._zod.def.shape[key];
                return wrap ? wrap(value, key) : value;
            });
        }
        else
            putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
    }
}
// same, for a plain shape a caller passed rather than a schema's
function mirrorProps(target, source) {
    for (const key of Reflect.ownKeys(source)) {
        const desc = Object.getOwnPropertyDescriptor(source, key);
        if (!desc.enumerable)
            continue;
        if (desc.get)
            deferProp(target, key, () => source[key]);
        else
            putProp(target, key, desc.value);
    }
}
function mergeDefs(...defs) {
    const mergedDescriptors = {};
    for (const def of defs) {
        const descriptors = Object.getOwnPropertyDescriptors(def);
        Object.assign(mergedDescriptors, descriptors);
    }
    return Object.defineProperties({}, mergedDescriptors);
}
function cloneDef(schema) {
    return mergeDefs(schema._zod.def);
}
function getElementAtPath(obj, path) {
    if (!path)
        return obj;
    return path.reduce((acc, key) => acc?.[key], obj);
}
function promiseAllObject(promisesObj) {
    const keys = Object.keys(promisesObj);
    const promises = keys.map((key) => promisesObj[key]);
    return Promise.all(promises).then((results) => {
        const resolvedObj = {};
        for (let i = 0; i < keys.length; i++) {
            resolvedObj[keys[i]] = results[i];
        }
        return resolvedObj;
    });
}
function randomString(length = 10) {
    const chars = "abcdefghijklmnopqrstuvwxyz";
    let str = "";
    for (let i = 0; i < length; i++) {
        str += chars[Math.floor(Math.random() * chars.length)];
    }
    return str;
}
function esc(str) {
    return JSON.stringify(str);
}
function slugify(input) {
    return input
        .toLowerCase()
        .trim()
        .replace(/[^\w\s-]/g, "")
        .replace(/[\s_-]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });
function util_isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
}
const util_allowsEval = /* @__PURE__*/ cached(() => {
    // Skip the probe under `jitless`: strict CSPs report the caught `new Function` as a `securitypolicyviolation` even though the throw is swallowed.
    if (globalConfig.jitless) {
        return false;
    }
    // @ts-ignore
    if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
        return false;
    }
    try {
        const F = Function;
        new F("");
        return true;
    }
    catch (_) {
        return false;
    }
});
function isPlainObject(o) {
    if (util_isObject(o) === false)
        return false;
    // modified constructor
    const ctor = o.constructor;
    if (ctor === undefined)
        return true;
    if (typeof ctor !== "function")
        return true;
    // modified prototype
    const prot = ctor.prototype;
    if (util_isObject(prot) === false)
        return false;
    // ctor doesn't have static `isPrototypeOf`
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
        return false;
    }
    return true;
}
function shallowClone(o) {
    if (isPlainObject(o))
        return { ...o };
    if (Array.isArray(o))
        return [...o];
    if (o instanceof Map)
        return new Map(o);
    if (o instanceof Set)
        return new Set(o);
    return o;
}
function numKeys(data) {
    let keyCount = 0;
    for (const key in data) {
        if (Object.prototype.hasOwnProperty.call(data, key)) {
            keyCount++;
        }
    }
    return keyCount;
}
const getParsedType = (data) => {
    const t = typeof data;
    switch (t) {
        case "undefined":
            return "undefined";
        case "string":
            return "string";
        case "number":
            return Number.isNaN(data) ? "nan" : "number";
        case "boolean":
            return "boolean";
        case "function":
            return "function";
        case "bigint":
            return "bigint";
        case "symbol":
            return "symbol";
        case "object":
            if (Array.isArray(data)) {
                return "array";
            }
            if (data === null) {
                return "null";
            }
            if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
                return "promise";
            }
            if (typeof Map !== "undefined" && data instanceof Map) {
                return "map";
            }
            if (typeof Set !== "undefined" && data instanceof Set) {
                return "set";
            }
            if (typeof Date !== "undefined" && data instanceof Date) {
                return "date";
            }
            // @ts-ignore
            if (typeof File !== "undefined" && data instanceof File) {
                return "file";
            }
            return "object";
        default:
            throw new Error(`Unknown data type: ${t}`);
    }
};
const propertyKeyTypes = /* @__PURE__*/ new Set(["string", "number", "symbol"]);
const primitiveTypes = /* @__PURE__*/ new Set([
    "string",
    "number",
    "bigint",
    "boolean",
    "symbol",
    "undefined",
]);
function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
// zod-specific utils
function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
        cl._zod.parent = inst;
    return cl;
}
function normalizeParams(_params) {
    const params = _params;
    if (!params)
        return {};
    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both `message` and `error` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
    return params;
}
function createTransparentProxy(getter) {
    let target;
    return new Proxy({}, {
        get(_, prop, receiver) {
            target ?? (target = getter());
            return Reflect.get(target, prop, receiver);
        },
        set(_, prop, value, receiver) {
            target ?? (target = getter());
            return Reflect.set(target, prop, value, receiver);
        },
        has(_, prop) {
            target ?? (target = getter());
            return Reflect.has(target, prop);
        },
        deleteProperty(_, prop) {
            target ?? (target = getter());
            return Reflect.deleteProperty(target, prop);
        },
        ownKeys(_) {
            target ?? (target = getter());
            return Reflect.ownKeys(target);
        },
        getOwnPropertyDescriptor(_, prop) {
            target ?? (target = getter());
            return Reflect.getOwnPropertyDescriptor(target, prop);
        },
        defineProperty(_, prop, descriptor) {
            target ?? (target = getter());
            return Reflect.defineProperty(target, prop, descriptor);
        },
    });
}
function stringifyPrimitive(value) {
    if (typeof value === "bigint")
        return value.toString() + "n";
    if (typeof value === "string")
        return `"${value}"`;
    return `${value}`;
}
function optionalKeys(shape) {
    return Object.keys(shape).filter((k) => {
        return shape[k]._zod.optin !== undefined && shape[k]._zod.optout === "optional";
    });
}
// Wrapped in a `@__PURE__` IIFE: esbuild never tree-shakes a top-level initializer that contains a member access on `Number`, so the bare object literal survived into every bundle.
const NUMBER_FORMAT_RANGES = /*@__PURE__*/ (() => ({
    safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    int32: [-2147483648, 2147483647],
    uint32: [0, 4294967295],
    float32: [-3.4028234663852886e38, 3.4028234663852886e38],
    float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
}))();
const BIGINT_FORMAT_RANGES = {
    int64: [/* @__PURE__*/ BigInt("-9223372036854775808"), /* @__PURE__*/ BigInt("9223372036854775807")],
    uint64: [/* @__PURE__*/ BigInt(0), /* @__PURE__*/ BigInt("18446744073709551615")],
};
function pick(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".pick() cannot be used on object schemas containing refinements");
    }
    const newShape = {};
    mirrorShape(newShape, schema, maskedKeys(schema, mask));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
// the mask keys that select something, checked against the source's shape without resolving it
function maskedKeys(schema, mask) {
    const raw = sourceShape(schema);
    const keys = [];
    // `for...in` skips symbols, so a symbol in the mask would select nothing
    for (const key of Reflect.ownKeys(mask)) {
        if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
            throw new Error(`Unrecognized key: "${String(key)}"`);
        }
        if (mask[key])
            keys.push(key);
    }
    return keys;
}
function omit(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".omit() cannot be used on object schemas containing refinements");
    }
    const omitted = new Set(maskedKeys(schema, mask));
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to extend: expected a plain object");
    }
    const checks = schema._zod.def.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        // Only throw if new shape overlaps with existing shape. Use getOwnPropertyDescriptor to check key existence without accessing values
        const existingShape = sourceShape(schema);
        for (const key of Reflect.ownKeys(shape)) {
            if (Object.getOwnPropertyDescriptor(existingShape, key) !== undefined) {
                throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
            }
        }
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
// the source's keys, then the caller's overlaid on top
function extended(schema, shape) {
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
    mirrorProps(newShape, shape);
    return newShape;
}
function safeExtend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to safeExtend: expected a plain object");
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
    if (!b?._zod?.def) {
        throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
    }
    if (a._zod.def.checks?.length) {
        throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
    }
    const newShape = {};
    mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
    mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
    const def = mergeDefs(a._zod.def, {
        shape: newShape,
        get catchall() {
            return b._zod.def.catchall;
        },
        checks: b._zod.def.checks ?? [],
    });
    return clone(a, def);
}
function partial(Class, schema, mask, name = "partial") {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
    }
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class &&
        ((value, key) => (selected && !selected.has(key) ? value : new Class({ type: "optional", innerType: value }))));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class, schema, mask) {
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => 
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class({ type: "nonoptional", innerType: value }));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
// invalid_type | too_big | too_small | invalid_format | not_multiple_of | unrecognized_keys | invalid_union | invalid_key | invalid_element | invalid_value | custom
function aborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue !== true) {
            return true;
        }
    }
    return false;
}
// Checks for explicit abort (continue === false), as opposed to implicit abort (continue === undefined). Used to respect `abort: true` in .refine() even for checks that have a `when` function.
function explicitlyAborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue === false) {
            return true;
        }
    }
    return false;
}
function prefixIssues(path, issues) {
    return issues.map((iss) => {
        var _a;
        (_a = iss).path ?? (_a.path = []);
        iss.path.unshift(path);
        return iss;
    });
}
function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
}
/* A check holds no link back to the schema it is attached to — the same check instance is shared by every clone of that schema — so the owner is stamped onto the issues a check just raised, at the only point where both are in scope. Runs on the failure path only; `start` is the issue count from before the check ran. */
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
        const d = ch._zod.def;
        // a later check may rewrite the value
        if (!/_(length|size)$|_equals$/.test(d.check))
            break;
        const max = d.maximum ?? d.length ?? d.size;
        if (max >= 0)
            caps.push([max, ch]);
    }
    return caps;
}
function attachSchema(issues, start, inst) {
    var _a;
    for (let i = start; i < issues.length; i++) {
        (_a = issues[i]).schema ?? (_a.schema = inst);
    }
}
function finalizeIssue(iss, ctx, config) {
    var _a;
    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in `attachSchema`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. `inst` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
    const message = iss.message
        ? iss.message
        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
            "Invalid input");
    // an explicit own-key copy beats object rest with excluded keys, which v8 routes through a generic runtime call; Object.keys rather than for-in so an issue pushed with a prototype does not leak inherited keys, and an own __proto__ key is dropped rather than assigned through the setter
    const full = {};
    for (const k of Object.keys(iss)) {
        if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
            continue;
        full[k] = iss[k];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx?.reportInput) {
        full.input = iss.input;
    }
    return full;
}
function getSizableOrigin(input) {
    if (input instanceof Set)
        return "set";
    if (input instanceof Map)
        return "map";
    // @ts-ignore
    if (input instanceof File)
        return "file";
    return "unknown";
}
const highSurrogate = /[\uD800-\uDBFF]/;
// Code points in `str`: a surrogate pair counts once, a lone surrogate as itself. Hand-rolled because the string iterator allocates and runs ~250x slower on this path; the regex probe exits ~50x quicker for a string with no astral characters.
function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
        return units;
    let count = units;
    for (let i = 0; i < units - 1; i++) {
        if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            count--;
            i++;
        }
    }
    return count;
}
function getLengthableOrigin(input) {
    if (Array.isArray(input))
        return "array";
    if (typeof input === "string")
        return "string";
    return "unknown";
}
function parsedType(data) {
    const t = typeof data;
    switch (t) {
        case "number": {
            return Number.isNaN(data) ? "nan" : "number";
        }
        case "object": {
            if (data === null) {
                return "null";
            }
            if (Array.isArray(data)) {
                return "array";
            }
            const obj = data;
            if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
                return obj.constructor.name;
            }
        }
    }
    return t;
}
function util_issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
        return {
            message: iss,
            code: "custom",
            input,
            inst,
        };
    }
    return { ...iss };
}
function cleanEnum(obj) {
    return Object.entries(obj)
        .filter(([k, _]) => {
        // return true if NaN, meaning it's not a number, thus a string key
        return Number.isNaN(Number.parseInt(k, 10));
    })
        .map((el) => el[1]);
}
// Codec utility functions
function base64ToUint8Array(base64) {
    const binaryString = atob(base64);
    const bytes = new Uint8Array(binaryString.length);
    for (let i = 0; i < binaryString.length; i++) {
        bytes[i] = binaryString.charCodeAt(i);
    }
    return bytes;
}
function uint8ArrayToBase64(bytes) {
    let binaryString = "";
    for (let i = 0; i < bytes.length; i++) {
        binaryString += String.fromCharCode(bytes[i]);
    }
    return btoa(binaryString);
}
function base64urlToUint8Array(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    const padding = "=".repeat((4 - (base64.length % 4)) % 4);
    return base64ToUint8Array(base64 + padding);
}
function uint8ArrayToBase64url(bytes) {
    return uint8ArrayToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
function hexToUint8Array(hex) {
    const cleanHex = hex.replace(/^0x/, "");
    if (cleanHex.length % 2 !== 0) {
        throw new Error("Invalid hex string length");
    }
    const bytes = new Uint8Array(cleanHex.length / 2);
    for (let i = 0; i < cleanHex.length; i += 2) {
        bytes[i / 2] = Number.parseInt(cleanHex.slice(i, i + 2), 16);
    }
    return bytes;
}
function uint8ArrayToHex(bytes) {
    return Array.from(bytes)
        .map((b) => b.toString(16).padStart(2, "0"))
        .join("");
}
// instanceof
class Class {
    constructor(..._args) { }
}
//////////    PROTOTYPE INSTALLERS     //////////
//
// Members live on the prototype and materialize per instance on first read, which keeps own-property count under the step where V8 stops using inline slots. Changing anything here means re-measuring runtime, memory and bundle size together — see "The three axes" in AGENTS.md.
/**
 * Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
 *
 * Call this from a `proto` initializer, which runs once per prototype — never per instance.
 */
function members(proto, table) {
    for (const key in table) {
        const desc = Object.getOwnPropertyDescriptor(table, key);
        // a getter installs as written, so it stays live: `description` reads through to the registry on every access. not enumerable: an object literal's is, and a prototype member never was
        if (desc.get)
            Object.defineProperty(proto, key, { ...desc, enumerable: false });
        // a method materializes bound on first read, which is what keeps a detached member working: `const opt = schema.optional; opt()`
        else
            defineBound(proto, key, desc.value);
    }
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
    return own(inst, key, value, false);
}
/** Adds members a table derives from the instance: each builds on first read and shadows as own data, and assignment shadows the same way, as when these were own properties. */
function derived(computes, table) {
    for (const key in computes) {
        const compute = computes[key];
        // an object literal's accessor is configurable and enumerable, and `members` copies the descriptor as written
        Object.defineProperty(table, key, {
            configurable: true,
            enumerable: true,
            get() {
                return own(this, key, compute(this));
            },
            set(value) {
                own(this, key, value);
            },
        });
    }
    return table;
}
function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // vitest's spyOn calls a prototype getter bare to find the function it wraps, so a nullish receiver answers the raw method
            return this == null ? fn : own(this, key, fn.bind(this));
        },
        set(value) {
            own(this, key, value);
        },
    });
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    // Runs on every construction, so `in` rather than the costlier `hasOwnProperty.call`. Sentinels are keys the group itself defines.
    return sentinel in proto ? undefined : proto;
}
// The internals whose init chain is installing. A second call for the same one is a derived constructor overriding its base, so it must not construct another schema in between or the override is dropped.
let installing;
// Set while a getter is running, so a value that resolved through a recursion break is not memoized. One shared descriptor shadows the key for the duration, which costs no per-key allocation.
let broke = false;
const breaker = {
    configurable: true,
    get() {
        broke = true;
        return undefined;
    },
};
/**
 * Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
 * constructor, computed from the internals object itself and cached there on
 * first read. One accessor per constructor rather than one per instance.
 */
function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
        // A repeat construction: everything is installed already. Cleared here so the reference is not held past the first construction of every type.
        installing = undefined;
        return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing so a re-entrant read from a recursive schema resolves to undefined instead of running the getter again.
            Object.defineProperty(this, key, breaker);
            const outer = broke;
            broke = false;
            try {
                const value = compute(this);
                // A result that resolved through a recursion break is recomputed once the graph is complete; everything else memoizes, undefined included.
                if (broke)
                    delete this[key];
                else
                    Object.defineProperty(this, key, { configurable: true, writable: true, value });
                broke = broke || outer;
                return value;
            }
            catch (err) {
                // A compute that threw memoizes nothing, so a later read runs it again and fails the same way. The shadow goes with it, since leaving it installed would answer undefined for every later read.
                delete this[key];
                broke = broke || outer;
                throw err;
            }
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
        },
    });
}
/**
 * Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
 * data property. One accessor per constructor rather than one per instance, because an own accessor
 * puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
 */
function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
        return;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing, so a re-entrant read from a self-referential shape resolves to undefined instead of running the getter again. A data property rather than an accessor: an own accessor is the dictionary-mode transition this exists to avoid.
            const desc = { configurable: true, writable: true, enumerable, value: undefined };
            Object.defineProperty(this, key, desc);
            // a compute that throws leaves the shadow behind, so later reads answer undefined instead of re-throwing; `defineLazy` did the same, and `defineLazyInternal`'s delete-on-catch would cost bytes in every bundle for a case only a throwing user getter reaches
            desc.value = make(this);
            Object.defineProperty(this, key, desc);
            return desc.value;
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
        },
    });
}
/** Marks the thunk `_catch` synthesises for a constant catch value. `Function.length` cannot tell that thunk from a user callback — rest and defaulted parameters both report arity 0 — and a user callback reads `ctx.error`, whose issues only finalize correctly against the caller's per-parse error map. Provenance can say what arity cannot. A plain string key rather than `Symbol.for`, whose call at module scope no bundler can prove pure — the same shape that anchored `urlCanParse` into every build. */
const CONSTANT_CATCH = "~constantCatch";
/** Wraps a constant catch value in a thunk tagged with {@link CONSTANT_CATCH}. */
function constantCatch(value) {
    const fn = () => value;
    fn[CONSTANT_CATCH] = true;
    return fn;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/core.js
var _a;

/** A special constant with type `never` */
const NEVER = /*@__PURE__*/ Object.freeze({
    status: "aborted",
});
/* Shared descriptor for installing `_zod`; defineProperty reads it
 * synchronously, so reusing one object avoids a per-instance allocation. */
const _zodDesc = { value: undefined, enumerable: false };
// null where suppressing the capture would be unrecoverable: `parse()` puts the frames back with `captureStackTrace`, so without it the throw would lose its stack. also latched to null once `stackTraceLimit` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
function $constructor(name, initializer, 
/** This trait's members, installed once on every prototype that composes it. They cannot be declared in the initializer above: that runs per instance, and the prototype is shared. */
proto, params) {
    // Prototype for this constructor's `_zod` internals. Lazily-derived fields (`values`, `pattern`, `optin`, …) install here once rather than as an accessor on every instance.
    const zodProto = {};
    // Assigning the fields in the constructor body is what gives instances in-object slots; building the object literally and reparenting it costs a second allocation and a generic property copy.
    function Internals(def) {
        this.def = def;
        this.constr = _;
        this.traits = new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    // One trait's members land on every prototype whose chain composes it, so the answer is per prototype rather than per trait.
    const initialized = protoMembers && new WeakSet();
    function init(inst, def) {
        if (!inst._zod) {
            _zodDesc.value = new Internals(def);
            try {
                Object.defineProperty(inst, "_zod", _zodDesc);
            }
            finally {
                // Cleared even on throw, so the shared descriptor never leaks one instance's internals into the next.
                _zodDesc.value = undefined;
            }
        }
        else if (inst._zod.traits.has(name)) {
            return;
        }
        inst._zod.traits.add(name);
        initializer(inst, def);
        if (initialized) {
            // `super(def)` from a user subclass gives `this` a prototype the subclass owns, and installing there would overwrite whatever the subclass declared. `constr` built the instance, so its prototype is the one below the subclass's that should carry the members. A receiver whose chain never reaches that prototype installs on its own, which for a plain object handed straight to `init` means `Object.prototype` — unchanged from before.
            const own = Object.getPrototypeOf(inst);
            const ctorProto = inst._zod.constr.prototype;
            let up = own;
            while (up && up !== ctorProto)
                up = Object.getPrototypeOf(up);
            const target = up ?? own;
            if (!initialized.has(target)) {
                initialized.add(target);
                members(target, protoMembers);
            }
        }
        // support prototype modifications; for-in avoids the array allocation of Object.keys on the (usually empty) prototype
        const proto = _.prototype;
        for (const k in proto) {
            if (!Object.prototype.hasOwnProperty.call(proto, k))
                continue;
            if (!(k in inst)) {
                inst[k] = proto[k].bind(inst);
            }
        }
    }
    // doesn't work if Parent has a constructor with arguments
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _(def) {
        const inst = params?.Parent ? newError(Definition) : this;
        init(inst, def);
        const deferred = inst._zod.deferred;
        if (deferred) {
            for (const fn of deferred) {
                fn();
            }
            // Released: initializers run once, and the list would otherwise be retained for the schema's lifetime.
            inst._zod.deferred = undefined;
        }
        // Global post-processor hook. Internal: installed by `import "zod/compile"` to enable AOT compilation for every constructed schema. Runs last, once the instance is fully built, because it hands the instance to compile(). The post-processor is expected to be reentrancy-guarded by its own implementation.
        const pp = globalThis.__zod_globalConfig?.postProcessor;
        if (pp)
            pp(inst);
        return inst;
    }
    Object.defineProperty(_, "init", { value: init });
    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
    Object.defineProperty(_, "name", { value: name });
    return _;
}
//////////////////////////////   UTILITIES   ///////////////////////////////////////
const $brand = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("zod_brand")));
class $ZodAsyncError extends Error {
    constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
}
class $ZodEncodeError extends Error {
    constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
    }
}
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
const globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
    if (newConfig)
        Object.assign(globalConfig, newConfig);
    return globalConfig;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/memoizer.js

class $ZodCyclicError extends Error {
    constructor() {
        super(`Cannot parse a reference cycle that closes through a transform`);
        this.name = "ZodCyclicError";
    }
}
/** Keyed off the context object every schema in one parse call already shares. */
const STATE = "~memo";
const NO_ISSUES = [];
// a value a cycle can close through
function isRef(value) {
    return value !== null && typeof value === "object";
}
// Receivers prefix paths in place, so the cache and every hand-out need their own copies.
function cloneIssues(issues) {
    return issues.map((iss) => (iss.path ? { ...iss, path: iss.path.slice() } : { ...iss }));
}
const recursive = /*@__PURE__*/ new WeakMap();
/** What the walk established, in order of certainty: ordered so the strongest answer among children wins. */
const NONE = 0;
const ASSUMED = 1;
const PROVEN = 2;
/** Whether this schema's subtree contains a cycle, so one parse can re-enter it. */
function isRecursive(inst, stack, resolve) {
    const cached = recursive.get(inst);
    if (cached !== undefined)
        return cached ? PROVEN : NONE;
    // Relative to the walk in progress, so not cached.
    if (stack.has(inst))
        return PROVEN;
    stack.add(inst);
    let result = NONE;
    const check = (child) => {
        if (result !== PROVEN && child?._zod) {
            const answer = isRecursive(child, stack, resolve);
            if (answer > result)
                result = answer;
        }
    };
    // `Reflect.ownKeys` rather than `Object.keys`, so a cycle through a declared symbol key is still seen
    const shape = (sh, spread) => {
        let answer = NONE;
        for (const key of Reflect.ownKeys(sh)) {
            const desc = Object.getOwnPropertyDescriptor(sh, key);
            // an object resolves its shape by spread, so a key it does not enumerate is never parsed; `z.properties` reads every own key and so keeps them all
            if (spread && !desc.enumerable)
                continue;
            // resolving runs user code, and a factory mints a fresh subtree per read, so an edge the walk can't follow counts as a cycle
            const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack, resolve) : NONE;
            if (child > answer)
                answer = child;
        }
        return answer;
    };
    const merge = (answer) => {
        if (answer > result)
            result = answer;
    };
    const def = inst._zod.def;
    const kind = def.type;
    switch (kind) {
        case "object": {
            const raw = rawShape(def);
            // a def with no raw shape answers `shape` from an accessor of its own, and running that can mint a whole fresh subtree
            merge(raw ? shape(raw, true) : ASSUMED);
            check(def.catchall);
            break;
        }
        case "array":
            check(def.element);
            break;
        case "tuple":
            for (const el of def.items)
                check(el);
            check(def.rest);
            break;
        case "record":
        case "map":
            check(def.keyType);
            check(def.valueType);
            break;
        case "set":
            check(def.valueType);
            break;
        case "union":
            for (const el of def.options)
                check(el);
            break;
        case "intersection":
            check(def.left);
            check(def.right);
            break;
        case "optional":
        case "nullable":
        case "default":
        case "prefault":
        case "catch":
        case "readonly":
        case "nonoptional":
        case "promise":
        case "success":
            check(def.innerType);
            break;
        case "pipe":
            check(def.in);
            check(def.out);
            break;
        case "function":
            check(def.input);
            check(def.output);
            break;
        // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
        case "lazy": {
            const inner = def._cachedInner ?? (resolve ? inst._zod.innerType : undefined);
            // walked with resolution off: one hop sees past the deferral, and a lazy that yields only another unresolved lazy is generative, so it stops there
            merge(inner ? isRecursive(inner, stack, false) : ASSUMED);
            break;
        }
        // a leaf by choice: `parts` are regex fragments, not data positions
        case "template_literal":
        // leaves
        case "string":
        case "number":
        case "int":
        case "boolean":
        case "bigint":
        case "symbol":
        case "undefined":
        case "null":
        case "void":
        case "never":
        case "any":
        case "unknown":
        case "date":
        case "nan":
        case "enum":
        case "literal":
        case "file":
        case "transform":
        case "custom":
            break;
        default: {
            // a new built-in kind becomes a compile error here
            kind;
            // a user-defined kind can still hold children, and only its author knows where, so fall back to scanning the def — skipping accessors, since reading one can run user code
            for (const key in def) {
                const desc = Object.getOwnPropertyDescriptor(def, key);
                if (!desc || desc.get)
                    continue;
                const value = desc.value;
                if (!value || typeof value !== "object")
                    continue;
                if (value._zod)
                    check(value);
                else if (Array.isArray(value))
                    for (const el of value)
                        check(el);
            }
        }
    }
    stack.delete(inst);
    return settle(inst, result);
}
/** An assumed answer must not outlive the resolution that settles it, so only a certain one is cached. */
function settle(inst, answer) {
    if (answer !== ASSUMED)
        recursive.set(inst, answer === PROVEN);
    return answer;
}
/**
 * Whether one parse can re-enter this schema, i.e. its subtree contains a cycle.
 * Exported for `z.compile`, which refuses to compile such a schema: cycle
 * breaking is driven from here off state keyed on the parse context, and a
 * generated fast path has no context to key on.
 */
function isRecursiveSchema(inst) {
    // z.compile never parses, so nothing would ever resolve a lazy for it; it runs once and already treats a throw here as recursive
    return isRecursive(inst, new Set(), true) !== NONE;
}
function bucketFor(state, inst) {
    let bucket = state.buckets.get(inst);
    if (!bucket) {
        bucket = new WeakMap();
        state.buckets.set(inst, bucket);
    }
    return bucket;
}
// Set immediately before delegating to core and cleared immediately after, so `alloc` registers only for a visit this module is driving.
let handoff;
// Allocated but unfinished entries. `alloc` and the matching pop both happen in the synchronous part of a parse, so they nest even when children are async, and one stack serves every schema.
const memoizer_open = [];
const memo = {
    alloc(_inst, payload, empty) {
        const bucket = handoff;
        if (!bucket)
            return empty;
        handoff = undefined;
        const entry = { value: empty, issues: null };
        bucket.set(payload.value, entry);
        memoizer_open.push(entry);
        return empty;
    },
    guard(inst) {
        var _a;
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                // The value is a placeholder a back-edge is still waiting on, so the cycle closes through this transform. Its output can't exist in time to bind.
                if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value))
                    throw new $ZodCyclicError();
                return base(payload, ctx);
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
    attach(inst) {
        var _a;
        let isRecursiveInst;
        let rechecked = false;
        // a recursive schema is re-entered many times per parse and its bucket never changes
        let lastCtx;
        let lastBucket;
        // Wraps `parse` in a deferred so it sees the container's final parse. Core's own deferred copies `parse` into `run` when there are no checks, and it ran first, so `run` is patched to match; with checks, `run` reads `parse` dynamically.
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                if (isRecursiveInst === undefined) {
                    const walked = isRecursive(inst, new Set(), false);
                    if (walked === NONE) {
                        // Nothing here can ever fire, so take it back out.
                        inst._zod.parse = base;
                        if (inst._zod.run === wrapped)
                            inst._zod.run = base;
                        return base(payload, ctx);
                    }
                    // this parse resolves the deferred edges on its own path, so ask once more before latching
                    if (walked === PROVEN || rechecked)
                        isRecursiveInst = true;
                    else
                        rechecked = true;
                }
                const input = payload.value;
                if (!isRef(input))
                    return base(payload, ctx);
                let state = ctx[STATE];
                if (!state) {
                    state = { buckets: new WeakMap(), backEdges: undefined };
                    ctx[STATE] = state;
                }
                let bucket;
                if (lastCtx === ctx) {
                    bucket = lastBucket;
                }
                else {
                    bucket = bucketFor(state, inst);
                    lastCtx = ctx;
                    lastBucket = bucket;
                }
                const hit = bucket.get(input);
                if (hit) {
                    payload.value = hit.value;
                    if (hit.issues) {
                        if (hit.issues.length)
                            payload.issues.push(...cloneIssues(hit.issues));
                    }
                    else {
                        // Still being parsed: its own checks cover it, so skip them here.
                        payload.memo = true;
                        state.backEdges ?? (state.backEdges = new WeakSet());
                        state.backEdges.add(hit.value);
                    }
                    return payload;
                }
                handoff = bucket;
                const depth = memoizer_open.length;
                const result = base(payload, ctx);
                handoff = undefined;
                // A container that rejected its input outright allocated nothing.
                const entry = memoizer_open.length > depth ? memoizer_open.pop() : undefined;
                // Both paths written out so the sync one allocates no closure. It runs once per node, and capturing here cost more than everything else combined.
                if (result instanceof Promise) {
                    return result.then((r) => {
                        if (entry)
                            entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
                        return r;
                    });
                }
                if (entry)
                    entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
                return result;
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
};
/** The memoizer that gives containers cycle support. `zod` installs it by default; `zod/mini` opts in with `config({ memoizer: memoizer() })`. */
function memoizer() {
    return memo;
}
/** Whether this value is a node a back-edge resolved to before it finished. */
function isBackEdge(ctx, value) {
    const backEdges = ctx[STATE]?.backEdges;
    return backEdges !== undefined && isRef(value) && backEdges.has(value);
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/regexes.js

/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const cuid = /^[cC][0-9a-z]{6,}$/;
const cuid2 = /^[0-9a-z]+$/;
const ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
const xid = /^[0-9a-vA-V]{20}$/;
const ksuid = /^[A-Za-z0-9]{27}$/;
const nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
    return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
/** ISO 8601-1 duration regex. Does not support the 8601-2 extensions like negative durations or fractional/negative components. */
const duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
/** Implements ISO 8601-2 extensions like explicit +- prefixes, mixing weeks with other units, and fractional/negative components. */
const extendedDuration = /^[-+]?P(?!$)(?:(?:[-+]?\d+Y)|(?:[-+]?\d+[.,]\d+Y$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:(?:[-+]?\d+W)|(?:[-+]?\d+[.,]\d+W$))?(?:(?:[-+]?\d+D)|(?:[-+]?\d+[.,]\d+D$))?(?:T(?=[\d+-])(?:(?:[-+]?\d+H)|(?:[-+]?\d+[.,]\d+H$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:[-+]?\d+(?:[.,]\d+)?S)?)??$/;
/** A regex for any UUID-like identifier: 8-4-4-4-12 hex pattern */
const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
/** Returns a regex for validating an RFC 9562/4122 UUID.
 *
 * @param version Optionally specify a version 1-8. If no version is specified, all versions are supported. */
const uuid = (version) => {
    if (!version)
        return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
    return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
const uuid4 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(4)));
const uuid6 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(6)));
const uuid7 = /*@__PURE__*/ (/* unused pure expression or super */ null && (uuid(7)));
/** Practical email validation */
const email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
/** Equivalent to the HTML5 input[type=email] validation implemented by browsers. Source: https://developer.mozilla.org/en-US/docs/Web/HTML/Element/input/email */
const html5Email = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
/** The classic emailregex.com regex for RFC 5322-compliant emails */
const rfc5322Email = /^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/;
/** A loose regex that allows Unicode characters, enforces length limits, and that's about it. */
const unicodeEmail = /^[^\s@"]{1,64}@[^\s@]{1,255}$/u;
const idnEmail = (/* unused pure expression or super */ null && (unicodeEmail));
const browserEmail = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
// from https://thekevinscott.com/emojis-in-javascript/#writing-a-regular-expression
// Single character class, not an alternation: the two properties overlap (U+1F9B0-U+1F9B3), so `(A|B)+` backtracks exponentially on a failed match. The leading lookahead then demands one anchor — a pictograph, a regional indicator, or the enclosing keycap — because `\p{Emoji_Component}` on its own covers ASCII digits, `#`, `*`, ZWJ, variation selectors and skin tone modifiers, none of which is an emoji without a base.
const _emoji = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
function emoji() {
    return new RegExp(_emoji, "u");
}
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
const mac = (delimiter) => {
    const escapedDelim = util.escapeRegex(delimiter ?? ":");
    return new RegExp(`^(?:[0-9A-F]{2}${escapedDelim}){5}[0-9A-F]{2}$|^(?:[0-9a-f]{2}${escapedDelim}){5}[0-9a-f]{2}$`);
};
const cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
const cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
// https://stackoverflow.com/questions/7860392/determine-if-string-is-in-base64-using-javascript
const base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
const base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
// based on https://stackoverflow.com/questions/106179/regular-expression-to-match-dns-hostname-or-ip-address
// export const hostname: RegExp = /^([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+$/;
const hostname = /^(?=.{1,253}\.?$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?)*\.?$/;
const domain = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
const httpProtocol = /^https?$/;
// https://blog.stevenlevithan.com/archives/validate-phone-number#r4-3 (regex sans spaces) E.164: leading digit must be 1-9; total digits (excluding '+') between 7-15
const e164 = /^\+[1-9]\d{6,14}$/;
// Credit card shape: 12–19 digits, optionally separated by single spaces or single hyphens. ISO/IEC 7812 caps the PAN at 19 digits; 12 is the shortest issued length (Maestro).
const creditCard = /^\d(?:[ -]?\d){11,18}$/;
// ISO 4217 alpha codes from the SIX list, regenerated by scripts/update-iso-4217.ts
const currencyCode = /^(?:AED|AFN|ALL|AMD|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BHD|BIF|BMD|BND|BOB|BOV|BRL|BSD|BTN|BWP|BYN|BZD|CAD|CDF|CHE|CHF|CHW|CLF|CLP|CNY|COP|COU|CRC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GEL|GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRU|MUR|MVR|MWK|MXN|MXV|MYR|MZN|NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SOS|SRD|SSP|STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|USN|UYI|UYU|UYW|UZS|VED|VES|VND|VUV|WST|XAD|XAF|XAG|XAU|XBA|XBB|XBC|XBD|XCD|XCG|XDR|XOF|XPD|XPF|XPT|XSU|XTS|XUA|XXX|YER|ZAR|ZMW|ZWG)$/;
// iban electronic format: 2-letter country, check digits 02-98 (the only values `98 - remainder` can produce), 11-30 bban characters
const iban = /^[A-Z]{2}(?!00|01|99)\d{2}[A-Z0-9]{11,30}$/;
const dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;
/** Anchors a pattern source. The interpolation lives here rather than at the call site because
 * esbuild will not drop a `@__PURE__` call whose own argument interpolates a variable, but it
 * will drop `anchor(dateSource)`. Keeping it inline pinned `date` into every bundle. */
function regexes_anchor(source) {
    return new RegExp(`^${source}$`);
}
const date = /*@__PURE__*/ regexes_anchor(dateSource);
function timeSource(args) {
    const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
    const regex = typeof args.precision === "number"
        ? args.precision === -1
            ? `${hhmm}`
            : args.precision === 0
                ? `${hhmm}:[0-5]\\d`
                : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}`
        : args.seconds
            ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?`
            : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
    return regex;
}
function time(args) {
    return new RegExp(`^${timeSource(args)}$`);
}
// Adapted from https://stackoverflow.com/a/3143231
function datetime(args) {
    const opts = ["Z"];
    // if (args.offset) opts.push(`([+-]\\d{2}:\\d{2})`);
    if (args.offset)
        opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
    // RFC 3339 mandates seconds wherever the time carries a `Z` or an offset, so only the unqualified form `local` adds may omit them
    const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
    const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
    return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
// the unbounded form of `string()` as a literal, so every plain string shares one instance instead of building its own
const anyString = /^[\s\S]{0,}$/;
const string = (params) => {
    const regex = params ? `[\\s\\S]{${params?.minimum ?? 0},${params?.maximum ?? ""}}` : `[\\s\\S]*`;
    return new RegExp(`^${regex}$`);
};
const bigint = /^-?\d+n?$/;
const integer = /^-?\d+$/;
const number = /^-?\d+(?:\.\d+)?$/;
const regexes_boolean = /^(?:true|false)$/i;
const _null = /^null$/i;

const _undefined = /^undefined$/i;

// regex for string with no uppercase letters
const lowercase = /^[^A-Z]*$/;
// regex for string with no lowercase letters
const uppercase = /^[^a-z]*$/;
// regex for hexadecimal strings (any length)
const hex = /^[0-9a-fA-F]*$/;
// Hash regexes for different algorithms and encodings
// Helper function to create base64 regex with exact length and padding
function fixedBase64(bodyLength, padding) {
    return new RegExp(`^[A-Za-z0-9+/]{${bodyLength}}${padding}$`);
}
// Helper function to create base64url regex with exact length (no padding)
function fixedBase64url(length) {
    return new RegExp(`^[A-Za-z0-9_-]{${length}}$`);
}
// MD5 (16 bytes): base64 = 24 chars total (22 + "==")
const md5_hex = /^[0-9a-fA-F]{32}$/;
const md5_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(22, "==")));
const md5_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(22)));
// SHA1 (20 bytes): base64 = 28 chars total (27 + "=")
const sha1_hex = /^[0-9a-fA-F]{40}$/;
const sha1_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(27, "=")));
const sha1_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(27)));
// SHA256 (32 bytes): base64 = 44 chars total (43 + "=")
const sha256_hex = /^[0-9a-fA-F]{64}$/;
const sha256_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(43, "=")));
const sha256_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(43)));
// SHA384 (48 bytes): base64 = 64 chars total (no padding)
const sha384_hex = /^[0-9a-fA-F]{96}$/;
const sha384_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(64, "")));
const sha384_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(64)));
// SHA512 (64 bytes): base64 = 88 chars total (86 + "==")
const sha512_hex = /^[0-9a-fA-F]{128}$/;
const sha512_base64 = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64(86, "==")));
const sha512_base64url = /*@__PURE__*/ (/* unused pure expression or super */ null && (fixedBase64url(86)));

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/checks.js
// import { $ZodType } from "./schemas.js";



const $ZodCheck = /*@__PURE__*/ $constructor("$ZodCheck", (inst, def) => {
    var _a;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for size-based checks: run only on non-nullish values with a `size`. */
const _whenHasSize = (payload) => {
    const val = payload.value;
    return !util.nullish(val) && val.size !== undefined;
};
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
    const val = payload.value;
    return !nullish(val) && val.length !== undefined;
};
const numericOriginMap = {
    number: "number",
    bigint: "bigint",
    object: "date",
};
const $ZodCheckLessThan = /*@__PURE__*/ $constructor("$ZodCheckLessThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_big",
            maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckGreaterThan = /*@__PURE__*/ $constructor("$ZodCheckGreaterThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_small",
            minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMultipleOf = 
/*@__PURE__*/ $constructor("$ZodCheckMultipleOf", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        if (typeof payload.value !== typeof def.value)
            throw new Error("Cannot mix number and bigint in multiple_of check.");
        const isMultiple = typeof payload.value === "bigint"
            ? // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
                def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
            : floatSafeRemainder(payload.value, def.value) === 0;
        if (isMultiple)
            return;
        payload.issues.push({
            origin: typeof payload.value,
            code: "not_multiple_of",
            divisor: def.value,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckNumberFormat = /*@__PURE__*/ $constructor("$ZodCheckNumberFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    def.format = def.format || "float64";
    const isInt = def.format?.includes("int");
    const origin = isInt ? "int" : "number";
    const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
            if (!Number.isInteger(input)) {
                // invalid_format issue
                // payload.issues.push({
                //   expected: def.format,
                //   format: def.format,
                //   code: "invalid_format",
                //   input,
                //   inst,
                // });
                // invalid_type issue
                payload.issues.push({
                    expected: origin,
                    format: def.format,
                    code: "invalid_type",
                    continue: false,
                    input,
                    inst,
                });
                return;
                // not_multiple_of issue
                // payload.issues.push({
                //   code: "not_multiple_of",
                //   origin: "number",
                //   input,
                //   inst,
                //   divisor: 1,
                // });
            }
            if (!Number.isSafeInteger(input)) {
                if (input > 0) {
                    // too_big
                    payload.issues.push({
                        input,
                        code: "too_big",
                        maximum: Number.MAX_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                else {
                    // too_small
                    payload.issues.push({
                        input,
                        code: "too_small",
                        minimum: Number.MIN_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                return;
            }
        }
        if (input < minimum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_small",
                minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodCheckBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckBigIntFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    const [minimum, maximum] = util.BIGINT_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (input < minimum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_small",
                minimum: minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "bigint",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
})));
const $ZodCheckMaxSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMaxSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size <= def.maximum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMinSize = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMinSize", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size >= def.minimum)
            return;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckSizeEquals = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckSizeEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasSize);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const size = input.size;
        if (size === def.size)
            return;
        const tooBig = size > def.size;
        payload.issues.push({
            origin: util.getSizableOrigin(input),
            ...(tooBig ? { code: "too_big", maximum: def.size } : { code: "too_small", minimum: def.size }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckMaxLength = /*@__PURE__*/ $constructor("$ZodCheckMaxLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // Strings are measured in Unicode code points, not UTF-16 units. A code point is at most two units, so a string that already fits in units fits in code points; only an overflow has to be counted.
        const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
        if (length <= def.maximum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMinLength = /*@__PURE__*/ $constructor("$ZodCheckMinLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so fewer units than the floor can never reach it and twice the floor always clears it. Only in between is the exact count in doubt.
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2
            ? codePointLength(input)
            : units;
        if (length >= def.minimum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLengthEquals = /*@__PURE__*/ $constructor("$ZodCheckLengthEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so outside `[length, length * 2]` units the target is missed either way — and missed in the same direction in both measures.
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2
            ? codePointLength(input)
            : units;
        if (length === def.length)
            return;
        const origin = getLengthableOrigin(input);
        const tooBig = length > def.length;
        payload.issues.push({
            origin,
            ...(tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStringFormat = /*@__PURE__*/ $constructor("$ZodCheckStringFormat", (inst, def) => {
    var _a, _b;
    $ZodCheck.init(inst, def);
    if (def.pattern)
        (_a = inst._zod).check ?? (_a.check = (payload) => {
            def.pattern.lastIndex = 0;
            if (def.pattern.test(payload.value))
                return;
            payload.issues.push({
                origin: "string",
                code: "invalid_format",
                format: def.format,
                input: payload.value,
                ...(def.pattern ? { pattern: def.pattern.toString() } : {}),
                inst,
                continue: !def.abort,
            });
        });
    else
        (_b = inst._zod).check ?? (_b.check = () => { });
});
const $ZodCheckRegex = /*@__PURE__*/ $constructor("$ZodCheckRegex", (inst, def) => {
    $ZodCheckStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "regex",
            input: payload.value,
            pattern: def.pattern.toString(),
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLowerCase = /*@__PURE__*/ $constructor("$ZodCheckLowerCase", (inst, def) => {
    def.pattern ?? (def.pattern = lowercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckUpperCase = /*@__PURE__*/ $constructor("$ZodCheckUpperCase", (inst, def) => {
    def.pattern ?? (def.pattern = uppercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckIncludes = /*@__PURE__*/ $constructor("$ZodCheckIncludes", (inst, def) => {
    $ZodCheck.init(inst, def);
    const escapedRegex = escapeRegex(def.includes);
    // `String.prototype.includes(sub, position)` matches `sub` at `position`
    // OR LATER, so the pattern must allow at least `position` leading chars
    // (`{N,}`), not exactly `position` chars (`{N}`).
    const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
    def.pattern = pattern;
    inst._zod.check = (payload) => {
        if (payload.value.includes(def.includes, def.position))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "includes",
            includes: def.includes,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStartsWith = /*@__PURE__*/ $constructor("$ZodCheckStartsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`^${escapeRegex(def.prefix)}.*`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.startsWith(def.prefix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "starts_with",
            prefix: def.prefix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckEndsWith = /*@__PURE__*/ $constructor("$ZodCheckEndsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`.*${escapeRegex(def.suffix)}$`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.endsWith(def.suffix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "ends_with",
            suffix: def.suffix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
///////////////////////////////////
/////    $ZodCheckProperty    /////
///////////////////////////////////
function handleCheckPropertyResult(result, payload, property) {
    if (result.issues.length) {
        payload.issues.push(...prefixIssues(property, result.issues));
    }
}
const $ZodCheckProperty = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckProperty", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        const result = def.schema._zod.run({
            value: payload.value[def.property],
            issues: [],
        }, {});
        if (result instanceof Promise) {
            return result.then((result) => handleCheckPropertyResult(result, payload, def.property));
        }
        handleCheckPropertyResult(result, payload, def.property);
        return;
    };
})));
const $ZodCheckProperties = /*@__PURE__*/ $constructor("$ZodCheckProperties", (inst, def) => {
    $ZodCheck.init(inst, def);
    hide(inst, Symbol.iterator, function* () {
        yield inst;
    });
    // key and schema snapshotted together: reading one live and the other cached lets a later mutation of the caller's shape object pair a stale key with a missing schema
    let entries;
    inst._zod.check = (payload) => {
        // the base schema already typed the value, so only a nullish one is rejected here: the properties read on a primitive too, matching z.property() on a string's length
        if (payload.value == null) {
            payload.issues.push({ expected: "object", code: "invalid_type", input: payload.value, inst });
            return undefined;
        }
        entries ?? (entries = Reflect.ownKeys(def.shape).map((key) => [key, def.shape[key]]));
        const input = payload.value;
        let proms;
        for (const [key, schema] of entries) {
            const result = schema._zod.run({ value: input[key], issues: [] }, {});
            if (result instanceof Promise) {
                proms ?? (proms = []);
                proms.push(result.then((result) => handleCheckPropertyResult(result, payload, key)));
            }
            else {
                handleCheckPropertyResult(result, payload, key);
            }
        }
        if (proms)
            return Promise.all(proms).then(() => undefined);
        return undefined;
    };
});
const $ZodCheckMimeType = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCheckMimeType", (inst, def) => {
    $ZodCheck.init(inst, def);
    const mimeSet = new Set(def.mime);
    inst._zod.check = (payload) => {
        if (mimeSet.has(payload.value.type))
            return;
        payload.issues.push({
            code: "invalid_value",
            values: def.mime,
            input: payload.value.type,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodCheckOverwrite = /*@__PURE__*/ $constructor("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
    };
});

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/doc.js
class Doc {
    constructor(args = [], closed = {}) {
        this.content = [];
        this.indent = 0;
        this.args = args;
        this.closed = closed;
    }
    // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
    indented(fn) {
        this.indent += 1;
        try {
            fn(this);
        }
        finally {
            this.indent -= 1;
        }
    }
    write(arg) {
        if (typeof arg === "function") {
            arg(this, { execution: "sync" });
            arg(this, { execution: "async" });
            return;
        }
        const content = arg;
        const lines = content.split("\n").filter((x) => x);
        const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
        const dedented = lines.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
        for (const line of dedented) {
            this.content.push(line);
        }
    }
    compile() {
        const F = Function;
        const content = this?.content ?? [``];
        const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {\n${content.join("\n")}\n};`);
        return factory(...Object.values(this.closed));
    }
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/versions.js
const version = {
    major: 4,
    minor: 6,
    patch: 7,
};

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/schemas.js







const $ZodType = /*@__PURE__*/ $constructor("$ZodType", (inst, def) => {
    var _a;
    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
    inst._zod.version = version;
    const defChecks = inst._zod.def.checks;
    // if inst is itself a checks.$ZodCheck, run it as a check
    const checks = inst._zod.traits.has("$ZodCheck")
        ? [inst, ...(defChecks ?? [])]
        : defChecks?.length
            ? [...defChecks]
            : [];
    for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
            fn(inst);
        }
    }
    if (checks.length === 0) {
        // deferred initializer inst._zod.parse is not yet defined
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred?.push(() => {
            inst._zod.run = inst._zod.parse;
        });
    }
    else {
        const runChecks = (payload, checks, ctx) => {
            if (payload.memo)
                return payload;
            let isAborted = aborted(payload);
            let asyncResult;
            for (const ch of checks) {
                if (ch._zod.def.when) {
                    if (explicitlyAborted(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
                const currLen = payload.issues.length;
                const _ = ch._zod.check(payload);
                if (_ instanceof Promise && ctx?.async === false) {
                    throw new $ZodAsyncError();
                }
                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        attachSchema(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = aborted(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    attachSchema(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = aborted(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
            return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
            // abort if the canary is aborted
            if (aborted(canary)) {
                canary.aborted = true;
                return canary;
            }
            // run checks first, then
            const checkResult = runChecks(payload, checks, ctx);
            if (checkResult instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
            }
            return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
            if (ctx.skipChecks) {
                return inst._zod.parse(payload, ctx);
            }
            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
            // forward
            const result = inst._zod.parse(payload, ctx);
            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
        };
    }
}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return hide(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
// a Standard Schema result only reports issues, so a failure finalizes them straight off the raw payload: no ZodError, and no lazy result to read through
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
    const ctx = { async: true };
    return toStandardResult((await inst._zod.run({ value, issues: [] }, ctx)), ctx);
}
function standardProps(inst) {
    return {
        validate: (value) => {
            const ctx = { async: false };
            try {
                const r = inst._zod.run({ value, issues: [] }, ctx);
                if (!(r instanceof Promise))
                    return toStandardResult(r, ctx);
            }
            catch (_) { }
            // async function so a synchronously throwing check rejects instead of escaping validate
            return validateAsync(inst, value);
        },
        vendor: "zod",
        version: 1,
    };
}

const $ZodString = /*@__PURE__*/ $constructor("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    // a format's own pattern, else unbounded; a template literal derives the check-aware form itself
    inst._zod.pattern = def.pattern ?? anyString;
    inst._zod.parse = (payload, _) => {
        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "string")
            return payload;
        payload.issues.push({
            expected: "string",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodStringFormat = /*@__PURE__*/ $constructor("$ZodStringFormat", (inst, def) => {
    // check initialization must come first
    $ZodCheckStringFormat.init(inst, def);
    $ZodString.init(inst, def);
});
const $ZodGUID = /*@__PURE__*/ $constructor("$ZodGUID", (inst, def) => {
    def.pattern ?? (def.pattern = guid);
    $ZodStringFormat.init(inst, def);
});
const $ZodUUID = /*@__PURE__*/ $constructor("$ZodUUID", (inst, def) => {
    if (def.version) {
        const versionMap = {
            v1: 1,
            v2: 2,
            v3: 3,
            v4: 4,
            v5: 5,
            v6: 6,
            v7: 7,
            v8: 8,
        };
        const v = versionMap[def.version];
        if (v === undefined)
            throw new Error(`Invalid UUID version: "${def.version}"`);
        def.pattern ?? (def.pattern = uuid(v));
    }
    else
        def.pattern ?? (def.pattern = uuid());
    $ZodStringFormat.init(inst, def);
});
const $ZodEmail = /*@__PURE__*/ $constructor("$ZodEmail", (inst, def) => {
    def.pattern ?? (def.pattern = email);
    $ZodStringFormat.init(inst, def);
});
/** The `://` guard rejected the input before the URL constructor saw it. */
const URL_BAD_FORMAT = 1;
/** The URL parser rejected the input. */
const URL_UNPARSEABLE = 2;
function canParseURL(input) {
    try {
        if (typeof URL !== "undefined" && typeof URL.canParse === "function")
            return URL.canParse(input);
        new URL(input);
        return true;
    }
    catch {
        return false;
    }
}
function validateURL(trimmed, def) {
    if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
        return canParseURL(trimmed) || URL_UNPARSEABLE;
    }
    return parseURLObject(trimmed, def);
}
/** Parses a URL while preserving the non-normalizing HTTP guard. */
function parseURLObject(trimmed, def) {
    // When normalize is off, require :// for http/https URLs. This prevents strings like "http:example.com" or "https:/path" from being silently accepted
    if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
        return URL_BAD_FORMAT;
    }
    try {
        if (typeof URL !== "undefined") {
            const URLStatic = URL;
            if (typeof URLStatic.parse === "function")
                return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
        }
        // @ts-ignore
        return new URL(trimmed);
    }
    catch {
        return URL_UNPARSEABLE;
    }
}
const asciiTabOrNewline = /[\t\n\r]/g;
/** The URL parser deletes every ASCII tab, LF and CR from its input before it parses, so `new URL("https://exa\nmple.com")` reports on `example.com`. Applying the same deletion to the returned value closes the half of that divergence which can move the host; the parser's other rewrite, stripping C0 controls at the edges, cannot. */
function stripTabAndNewline(value) {
    return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
    hostname.lastIndex = 0;
    return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
    protocol.lastIndex = 0;
    return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
const $ZodURL = /*@__PURE__*/ $constructor("$ZodURL", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        try {
            // Trim whitespace from input
            const trimmed = payload.value.trim();
            const url = validateURL(trimmed, def);
            if (url === URL_BAD_FORMAT) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid URL format",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === URL_UNPARSEABLE) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === true) {
                payload.value = stripTabAndNewline(trimmed);
                return;
            }
            if (def.hostname && !urlHostnameOk(url, def.hostname)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid hostname",
                    pattern: def.hostname.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            if (def.protocol && !urlProtocolOk(url, def.protocol)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid protocol",
                    pattern: def.protocol.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            // Set the output value based on normalize flag
            payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
            return;
        }
        catch (_) {
            payload.issues.push({
                code: "invalid_format",
                format: "url",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodEmoji = /*@__PURE__*/ $constructor("$ZodEmoji", (inst, def) => {
    def.pattern ?? (def.pattern = emoji());
    $ZodStringFormat.init(inst, def);
});
const $ZodNanoID = /*@__PURE__*/ $constructor("$ZodNanoID", (inst, def) => {
    if (def.length !== undefined && (!Number.isInteger(def.length) || def.length < 1))
        throw new Error(`Invalid nanoid length: ${def.length}`);
    def.pattern ?? (def.pattern = def.length === undefined ? nanoid : nanoidOfLength(def.length));
    $ZodStringFormat.init(inst, def);
});
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link $ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const $ZodCUID = /*@__PURE__*/ $constructor("$ZodCUID", (inst, def) => {
    def.pattern ?? (def.pattern = cuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodCUID2 = /*@__PURE__*/ $constructor("$ZodCUID2", (inst, def) => {
    def.pattern ?? (def.pattern = cuid2);
    $ZodStringFormat.init(inst, def);
});
const $ZodULID = /*@__PURE__*/ $constructor("$ZodULID", (inst, def) => {
    def.pattern ?? (def.pattern = ulid);
    $ZodStringFormat.init(inst, def);
});
const $ZodXID = /*@__PURE__*/ $constructor("$ZodXID", (inst, def) => {
    def.pattern ?? (def.pattern = xid);
    $ZodStringFormat.init(inst, def);
});
const $ZodKSUID = /*@__PURE__*/ $constructor("$ZodKSUID", (inst, def) => {
    def.pattern ?? (def.pattern = ksuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodISODateTime = /*@__PURE__*/ $constructor("$ZodISODateTime", (inst, def) => {
    def.pattern ?? (def.pattern = datetime(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODate = /*@__PURE__*/ $constructor("$ZodISODate", (inst, def) => {
    def.pattern ?? (def.pattern = date);
    $ZodStringFormat.init(inst, def);
});
const $ZodISOTime = /*@__PURE__*/ $constructor("$ZodISOTime", (inst, def) => {
    def.pattern ?? (def.pattern = time(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODuration = /*@__PURE__*/ $constructor("$ZodISODuration", (inst, def) => {
    def.pattern ?? (def.pattern = duration);
    $ZodStringFormat.init(inst, def);
});
const $ZodIPv4 = /*@__PURE__*/ $constructor("$ZodIPv4", (inst, def) => {
    def.pattern ?? (def.pattern = ipv4);
    $ZodStringFormat.init(inst, def);
});
/** An IPv6 address is written with hex digits, colons and dots, and nothing else. The guard is what makes the check below an IPv6 check: `new URL("http://[...]")` parses an authority, not an address, so `@` and `\` re-delimit it and `"::@1\\"` validates against the host `0.0.0.1`. The URL parser also deletes ASCII tab, LF and CR rather than failing, which is how `"::1\n"` validated as `::1`. */
const ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
    if (!ipv6Alphabet.test(value))
        return false;
    return canParseURL(`http://[${value}]`);
}
const $ZodIPv6 = /*@__PURE__*/ $constructor("$ZodIPv6", (inst, def) => {
    def.pattern ?? (def.pattern = ipv6);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidIPv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "ipv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMAC", (inst, def) => {
    def.pattern ?? (def.pattern = regexes.mac(def.delimiter));
    $ZodStringFormat.init(inst, def);
})));
const $ZodCIDRv4 = /*@__PURE__*/ $constructor("$ZodCIDRv4", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv4);
    $ZodStringFormat.init(inst, def);
});
function isValidCIDRv6(value) {
    const parts = value.split("/");
    if (parts.length !== 2)
        return false;
    const [address, prefix] = parts;
    if (!prefix)
        return false;
    const prefixNum = Number(prefix);
    if (`${prefixNum}` !== prefix)
        return false;
    if (prefixNum < 0 || prefixNum > 128)
        return false;
    return isValidIPv6(address);
}
const $ZodCIDRv6 = /*@__PURE__*/ $constructor("$ZodCIDRv6", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv6); // not used for validation
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidCIDRv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "cidrv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
//////////////////////////////   ZodBase64   //////////////////////////////
function isValidBase64(data) {
    if (data === "")
        return true;
    // atob ignores whitespace, so reject it up front.
    if (/\s/.test(data))
        return false;
    if (data.length % 4 !== 0)
        return false;
    try {
        // @ts-ignore
        atob(data);
        return true;
    }
    catch {
        return false;
    }
}
// lax on purpose: the quantified regexes.base64 overflows the regex stack on multi-MB input and its leading ^$| alternation leaks through template-literal composition; isValidBase64 enforces length and padding
const base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
const $ZodBase64 = /*@__PURE__*/ $constructor("$ZodBase64", (inst, def) => {
    def.pattern ?? (def.pattern = base64Charset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
//////////////////////////////   ZodBase64URL   //////////////////////////////
// lax on purpose: the quantified regexes.base64url overflows the regex stack on multi-MB input; isValidBase64 enforces length on the padded string
const base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
    if (!base64urlCharset.test(data))
        return false;
    const base64 = data.replace(/[-_]/g, (c) => (c === "-" ? "+" : "/"));
    const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, "=");
    return isValidBase64(padded);
}
const $ZodBase64URL = /*@__PURE__*/ $constructor("$ZodBase64URL", (inst, def) => {
    def.pattern ?? (def.pattern = base64urlCharset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64URL(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64url",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodE164 = /*@__PURE__*/ $constructor("$ZodE164", (inst, def) => {
    def.pattern ?? (def.pattern = e164);
    $ZodStringFormat.init(inst, def);
});
//////////////////////////////   ZodCreditCard   //////////////////////////////
const CC_SANITIZE = /[- ]/g;
/** Luhn checksum on a digit-only string. Adapted from valibot (MIT). */
function isLuhnAlgo(digits) {
    let length = digits.length;
    let bit = 1;
    let sum = 0;
    while (length) {
        const value = digits.charCodeAt(--length) - 48;
        bit ^= 1;
        sum += bit ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][value] : value;
    }
    return sum % 10 === 0;
}
function isValidCreditCard(input) {
    if (!regexes.creditCard.test(input))
        return false;
    return isLuhnAlgo(input.replace(CC_SANITIZE, ""));
}
const $ZodCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCreditCard", (inst, def) => {
    // Shape only — the Luhn check below is not expressible as a pattern, so consumers of `pattern` (JSON Schema, template literals) get the length and separator rules alone.
    def.pattern ?? (def.pattern = regexes.creditCard);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidCreditCard(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "credit_card",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodIBAN   //////////////////////////////
// iso 7064 mod 97-10 checksum without BigInt
function isIso7064Mod97(iban) {
    let remainder = 0;
    const len = iban.length;
    for (let i = 4; i < len; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    for (let i = 0; i < 4; i++) {
        const code = iban.charCodeAt(i);
        remainder = (code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48)) % 97;
    }
    return remainder === 1;
}
function isValidIBAN(input) {
    if (!regexes.iban.test(input))
        return false;
    return isIso7064Mod97(input);
}
const $ZodIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodIBAN", (inst, def) => {
    // shape only — checksum is not expressible as a pattern
    def.pattern ?? (def.pattern = regexes.iban);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidIBAN(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "iban",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
//////////////////////////////   ZodJWT   //////////////////////////////
function isValidJWT(token, algorithm = null) {
    try {
        const tokensParts = token.split(".");
        if (tokensParts.length !== 3)
            return false;
        const [header] = tokensParts;
        if (!header)
            return false;
        // @ts-ignore
        const parsedHeader = JSON.parse(atob(header));
        if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
            return false;
        if (!parsedHeader.alg)
            return false;
        if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
            return false;
        return true;
    }
    catch {
        return false;
    }
}
const $ZodJWT = /*@__PURE__*/ $constructor("$ZodJWT", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidJWT(payload.value, def.alg))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "jwt",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCustomStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (def.fn(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: def.format,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
})));
const $ZodNumber = /*@__PURE__*/ $constructor("$ZodNumber", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = number;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Number(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
            return payload;
        }
        const received = typeof input === "number"
            ? Number.isNaN(input)
                ? "NaN"
                : !Number.isFinite(input)
                    ? String(input)
                    : undefined
            : undefined;
        payload.issues.push({
            expected: "number",
            code: "invalid_type",
            input,
            inst,
            ...(received ? { received } : {}),
        });
        return payload;
    };
});
const $ZodNumberFormat = /*@__PURE__*/ $constructor("$ZodNumberFormat", (inst, def) => {
    $ZodCheckNumberFormat.init(inst, def);
    $ZodNumber.init(inst, def); // no format checks
});
const $ZodBoolean = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.boolean;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Boolean(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "boolean")
            return payload;
        payload.issues.push({
            expected: "boolean",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodBigInt = /*@__PURE__*/ $constructor("$ZodBigInt", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = bigint;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = BigInt(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "bigint")
            return payload;
        payload.issues.push({
            expected: "bigint",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodBigIntFormat", (inst, def) => {
    checks.$ZodCheckBigIntFormat.init(inst, def);
    $ZodBigInt.init(inst, def); // no format checks
})));
const $ZodSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSymbol", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "symbol")
            return payload;
        payload.issues.push({
            expected: "symbol",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodUndefined", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.undefined;
    inst._zod.values = new Set([undefined]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "undefined",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNull", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = regexes.null;
    inst._zod.values = new Set([null]);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (input === null)
            return payload;
        payload.issues.push({
            expected: "null",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodAny", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
})));
const $ZodUnknown = /*@__PURE__*/ $constructor("$ZodUnknown", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
});
const $ZodNever = /*@__PURE__*/ $constructor("$ZodNever", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
            expected: "never",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodVoid", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (typeof input === "undefined")
            return payload;
        payload.issues.push({
            expected: "void",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodDate = /*@__PURE__*/ $constructor("$ZodDate", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce) {
            try {
                payload.value = new Date(payload.value);
            }
            catch (_err) { }
        }
        const input = payload.value;
        const isDate = input instanceof Date;
        const isValidDate = isDate && !Number.isNaN(input.getTime());
        if (isValidDate)
            return payload;
        payload.issues.push({
            expected: "date",
            code: "invalid_type",
            input,
            ...(isDate ? { received: "Invalid Date" } : {}),
            inst,
        });
        return payload;
    };
});
// an oversized container fails its leading size checks before any element is parsed
function capSize(inst, size) {
    const caps = sizeCaps(inst._zod.def.checks);
    if (!caps.length)
        return;
    const cap = Math.min(...caps.map((c) => c[0]));
    const parse = inst._zod.parse;
    inst._zod.parse = (payload, ctx) => {
        const n = size(payload.value);
        if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
            for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
                if (n > max && ch._zod.def.when(payload)) {
                    const start = payload.issues.length;
                    ch._zod.check(payload);
                    // the value is still the raw input, so no later check may read it
                    payload.issues[start].continue = false;
                    attachSchema(payload.issues, start, inst);
                    return payload;
                }
            }
        }
        return parse(payload, ctx);
    };
}
const arraySize = (input) => (Array.isArray(input) ? input.length : -1);
const mapSize = (input) => (input instanceof Map ? input.size : -1);
const setSize = (input) => (input instanceof Set ? input.size : -1);
function handleArrayResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ $constructor("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                expected: "array",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
            const item = input[i];
            const result = def.element._zod.run({
                value: item,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleArrayResult(result, payload, i)));
            }
            else {
                handleArrayResult(result, payload, i);
                // the element's payload is authoritative here, since handleArrayResult forwards every issue; an object's is not, because it drops a failed absent optional
                if (abortEarly && result.issues.length !== 0 && aborted(result))
                    break;
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload; //handleArrayResultsAsync(parseResults, final);
    };
    capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    // The middle rung means "absence permitted, nothing supplied in its place", so an absent key contributes nothing — whatever the schema made of `undefined` is invented, not substituted. Only `optional` reaches this with a value: `defaulted` substitutes, and a schema that isn't optional-out has to keep the key.
    if (!isPresent && isOptionalOut && optin === "optional") {
        return;
    }
    if (result.issues.length) {
        // For optional-in/out schemas, ignore errors on absent keys.
        if (optin !== undefined && isOptionalOut && !isPresent) {
            return;
        }
        final.issues.push(...prefixIssues(key, result.issues));
    }
    if (!isPresent && optin === undefined) {
        if (!result.issues.length) {
            final.issues.push({
                code: "invalid_type",
                expected: "nonoptional",
                input: undefined,
                path: [key],
            });
        }
        return;
    }
    if (result.value === undefined) {
        if (isPresent || (optin === "defaulted" && !isOptionalOut)) {
            final.value[key] = undefined;
        }
    }
    else {
        final.value[key] = result.value;
    }
}
// one shared instance; a fresh [] per schema cost 56 bytes retained
const NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases `keys` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
        }
    }
    const okeys = optionalKeys(def.shape);
    return {
        ...def,
        allKeys,
        symbolKeys,
        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
        keySet: new Set(keys),
        numKeys: keys.length,
        optionalKeys: new Set(okeys),
    };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    // starts at 0, not the current length: the shape phase already ran and may have aborted
    let seen = 0;
    for (const key in input) {
        if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
                break;
            seen = payload.issues.length;
        }
        // Must precede the __proto__ branch: a declared key is not unrecognized, even though the shape loop deliberately strips __proto__ from the parsed output.
        if (keySet.has(key))
            continue;
        // Don't copy an undeclared __proto__ into the result; assignment to a plain {} would replace the result prototype. But in strict mode it is still an unknown key, so report it before skipping.
        if (key === "__proto__") {
            if (t === "never")
                unrecognized.push(key);
            continue;
        }
        if (t === "never") {
            unrecognized.push(key);
            continue;
        }
        const r = _catchall.run({ value: input[key], issues: [] }, ctx);
        if (r instanceof Promise) {
            proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
        }
        else {
            handlePropertyResult(r, payload, key, input, optin, optout);
        }
    }
    if (unrecognized.length) {
        payload.issues.push({
            code: "unrecognized_keys",
            keys: unrecognized,
            input,
            inst,
            // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
            continue: true,
        });
    }
    if (!proms.length)
        return payload;
    return Promise.all(proms).then(() => {
        return payload;
    });
}
const $ZodObject = /*@__PURE__*/ $constructor("$ZodObject", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
    const _normalized = cached(() => normalizeDef(def));
    defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    util_assignProp(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
    const isObject = util_isObject;
    const catchall = def.catchall;
    let value;
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            if (key === "__proto__")
                continue;
            const el = shape[key];
            const optin = el._zod.optin;
            const optout = el._zod.optout;
            const r = el._zod.run({ value: input[key], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
        }
        if (!catchall) {
            return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
    };
});
const $ZodObjectJIT = /*@__PURE__*/ $constructor("$ZodObjectJIT", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodObject.init(inst, def);
    const superParse = inst._zod.parse;
    const _normalized = cached(() => normalizeDef(def));
    const memo = globalConfig.memoizer;
    const generateFastpass = (shape) => {
        const normalized = _normalized.value;
        const syms = normalized.symbolKeys;
        // a symbol has no source literal, so it is read as `syms[i]` off the closed-over scope
        const doc = new Doc(["payload", "ctx"], { shape, inst, memo, syms });
        const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
        // prefixes in place, like util.prefixIssues. newResult must land before the early return: a catchall runs after this and would otherwise write onto the caller's input
        const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
        doc.write(`const input = payload.value;`);
        const ids = Object.create(null);
        let counter = 0;
        for (const key of normalized.allKeys) {
            ids[key] = `key_${counter++}`;
        }
        // A: preserve key order {
        doc.write(memo ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
        for (const key of normalized.allKeys) {
            if (key === "__proto__")
                continue;
            const id = ids[key];
            const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : esc(key);
            const isPresent = `${k} in input`;
            const schema = shape[key];
            const optin = schema?._zod?.optin;
            const isOptionalIn = optin !== undefined;
            const isOptionalOut = schema?._zod?.optout === "optional";
            doc.write(`const ${id} = ${parseStr(k)};`);
            if (isOptionalIn && isOptionalOut) {
                // For optional-in/out schemas, ignore errors on absent keys — and, like the interpreted path, drop the value produced alongside them. The middle rung goes further: it permits absence without supplying anything in its place, so an absent key contributes nothing at all.
                const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
                doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
            }
            else if (!isOptionalIn) {
                doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
            }
            else {
                doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
                if (optin === "defaulted") {
                    doc.write(`newResult[${k}] = ${id}.value;`);
                }
                else {
                    doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
                }
            }
        }
        doc.write(`payload.value = newResult;`);
        doc.write(`return payload;`);
        // closing `shape` in is what pays: turbofan specializes the parser against that one shape object, so every `shape[k]._zod.run` folds to a known callee. as a parameter it stays a generic load and measures 13% slower even with the forwarding frame gone
        return doc.compile();
    };
    let fastpass;
    const isObject = util_isObject;
    const jit = !globalConfig.jitless;
    const allowsEval = util_allowsEval;
    const fastEnabled = jit && allowsEval.value; // && !def.catchall;
    const catchall = def.catchall;
    let value;
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
            // always synchronous
            if (!fastpass)
                fastpass = generateFastpass(def.shape);
            payload = fastpass(payload, ctx);
            if (!catchall)
                return payload;
            return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
        }
        return superParse(payload, ctx);
    };
});
function handleUnionResults(results, final, inst, ctx) {
    for (const result of results) {
        if (result.issues.length === 0) {
            final.value = result.value;
            return final;
        }
    }
    const nonaborted = results.filter((r) => !aborted(r));
    if (nonaborted.length === 1) {
        final.value = nonaborted[0].value;
        return nonaborted[0];
    }
    final.issues.push({
        code: "invalid_union",
        input: final.value,
        inst,
        errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config()))),
    });
    return final;
}
const $ZodUnion = /*@__PURE__*/ $constructor("$ZodUnion", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted")
        ? "defaulted"
        : zod.def.options.some((o) => o._zod.optin !== undefined)
            ? "optional"
            : undefined);
    defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : undefined);
    defineLazyInternal(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
            return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
            const patterns = zod.def.options.map((o) => o._zod.pattern);
            return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
        }
        return undefined;
    });
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                if (result.issues.length === 0)
                    return result;
                results.push(result);
            }
        }
        if (!async)
            return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleUnionResults(results, payload, inst, ctx);
        });
    };
});
function handleExclusiveUnionResults(results, final, inst, ctx) {
    const matches = [];
    for (let i = 0; i < results.length; i++) {
        if (results[i].issues.length === 0)
            matches.push(i);
    }
    if (matches.length === 1) {
        final.value = results[matches[0]].value;
        return final;
    }
    if (matches.length === 0) {
        // No matches - same as regular union
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: results.map((result) => result.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config()))),
        });
    }
    else {
        // Multiple matches - exclusive union failure
        final.issues.push({
            code: "invalid_union",
            input: final.value,
            inst,
            errors: [],
            inclusive: false,
            matches,
        });
    }
    return final;
}
const $ZodXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodXor", (inst, def) => {
    $ZodUnion.init(inst, def);
    def.inclusive = false;
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                results.push(result);
            }
        }
        if (!async)
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleExclusiveUnionResults(results, payload, inst, ctx);
        });
    };
})));
/** Returns the option whose discriminator claims `value`, or throws if ambiguous. */
function getDiscriminatedOption(union, value) {
    const internals = union._zod;
    let map = internals.bag.optionsMap;
    if (!map) {
        map = discriminatorMap(internals.def);
        internals.bag.optionsMap = map;
    }
    const option = map.get(value);
    if (option === null)
        throw new Error(`Ambiguous discriminator value "${String(value)}"`);
    return option;
}
function discriminatorMap(def) {
    const map = new Map();
    for (const option of def.options) {
        const values = option._zod.propValues?.[def.discriminator];
        if (!values || values.size === 0)
            throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
        for (const value of values) {
            if (map.has(value)) {
                if (value !== undefined)
                    throw new Error(`Duplicate discriminator value "${String(value)}"`);
                // keep the collision marked so a later member cannot reclaim it
                map.set(value, null);
            }
            else {
                map.set(value, option);
            }
        }
    }
    return map;
}
const $ZodDiscriminatedUnion = 
/*@__PURE__*/
(/* unused pure expression or super */ null && (core.$constructor("$ZodDiscriminatedUnion", (inst, def) => {
    def.inclusive = false;
    $ZodUnion.init(inst, def);
    const _super = inst._zod.parse;
    util.defineLazyInternal(inst, "propValues", (zod) => {
        const propValues = {};
        let undefinedCount = 0;
        for (const option of zod.def.options) {
            const pv = option._zod.propValues;
            if (!pv || Object.keys(pv).length === 0)
                throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
            if (pv[zod.def.discriminator]?.has(undefined))
                undefinedCount++;
            for (const [k, v] of Object.entries(pv)) {
                if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
                    util.assignProp(propValues, k, new Set());
                }
                for (const val of v) {
                    propValues[k].add(val);
                }
            }
        }
        if (!zod.def.unionFallback && undefinedCount > 1)
            propValues[zod.def.discriminator]?.delete(undefined);
        return propValues;
    });
    // Checked now rather than in the lookup map below, so an option that lacks the discriminator fails at the `discriminatedUnion` call instead of on the first object parsed. Options whose shape cannot be enumerated without resolving it — pipes and lazies — are left to the map.
    def.options.forEach((option, i) => {
        const propShape = util.rawShape(option._zod.def);
        if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
            throw new Error(`Invalid discriminated union option at index "${i}"`);
        }
    });
    const disc = util.cached(() => discriminatorMap(def));
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!util.isObject(input)) {
            payload.issues.push({
                code: "invalid_type",
                expected: "object",
                input,
                inst,
            });
            return payload;
        }
        const value = input?.[def.discriminator];
        const opt = disc.value.get(value);
        // forward metadata cannot choose an encoder for an absent tag
        if (opt && (value !== undefined || ctx.direction !== "backward")) {
            return opt._zod.run(payload, ctx);
        }
        // Fall back to union matching when the fast discriminator path fails:
        // - explicitly enabled via unionFallback, or
        // - during backward direction (encode), since codec-based discriminators have different values in forward vs backward directions
        if (def.unionFallback || ctx.direction === "backward") {
            return _super(payload, ctx);
        }
        // no matching discriminator
        payload.issues.push({
            code: "invalid_union",
            errors: [],
            note: "No matching discriminator",
            discriminator: def.discriminator,
            options: Array.from(disc.value.keys()).filter((value) => disc.value.get(value) !== null),
            input,
            path: [def.discriminator],
            inst,
        });
        return payload;
    };
})));
const $ZodIntersection = /*@__PURE__*/ $constructor("$ZodIntersection", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        const left = def.left._zod.run({ value: input, issues: [] }, ctx);
        const right = def.right._zod.run({ value: input, issues: [] }, ctx);
        const async = left instanceof Promise || right instanceof Promise;
        if (async) {
            return Promise.all([left, right]).then(([left, right]) => {
                return handleIntersectionResults(payload, left, right);
            });
        }
        return handleIntersectionResults(payload, left, right);
    };
});
function mergeValues(a, b) {
    // const aType = parse.t(a);
    // const bType = parse.t(b);
    if (a === b) {
        return { valid: true, data: a };
    }
    if (a instanceof Date && b instanceof Date && +a === +b) {
        return { valid: true, data: a };
    }
    if (isPlainObject(a) && isPlainObject(b)) {
        const bKeys = Object.keys(b);
        const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
        const newObj = { ...a, ...b };
        if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
            delete newObj.__proto__;
        for (const key of sharedKeys) {
            if (key === "__proto__")
                continue;
            const sharedValue = mergeValues(a[key], b[key]);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [key, ...sharedValue.mergeErrorPath],
                };
            }
            newObj[key] = sharedValue.data;
        }
        return { valid: true, data: newObj };
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) {
            return { valid: false, mergeErrorPath: [] };
        }
        const newArray = [];
        for (let index = 0; index < a.length; index++) {
            const itemA = a[index];
            const itemB = b[index];
            const sharedValue = mergeValues(itemA, itemB);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [index, ...sharedValue.mergeErrorPath],
                };
            }
            newArray.push(sharedValue.data);
        }
        return { valid: true, data: newArray };
    }
    return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
    // Track which side(s) reject each key. A key rejection is reported only when BOTH sides reject it, so a key owned by one branch survives the other's key schema. strictObject reports these as unrecognized_keys; a record with an open key schema reports one invalid_key per key.
    const unrecKeys = new Map();
    let unrecIssue;
    const keyIssues = new Map();
    const collect = (iss, side) => {
        let keys;
        if (iss.code === "unrecognized_keys" && !iss.path?.length) {
            unrecIssue ?? (unrecIssue = iss);
            keys = iss.keys;
        }
        else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
            const k = String(iss.path[0]);
            if (!keyIssues.has(k))
                keyIssues.set(k, iss);
            keys = [k];
        }
        else {
            return false;
        }
        for (const k of keys) {
            if (!unrecKeys.has(k))
                unrecKeys.set(k, {});
            unrecKeys.get(k)[side] = true;
        }
        return true;
    };
    for (const iss of left.issues) {
        if (!collect(iss, "l"))
            result.issues.push(iss);
    }
    for (const iss of right.issues) {
        if (!collect(iss, "r"))
            result.issues.push(iss);
    }
    // Report only keys rejected by BOTH sides
    const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
    if (bothKeys.length) {
        const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
        if (aggregated.length)
            result.issues.push({ ...unrecIssue, keys: aggregated });
        for (const k of bothKeys) {
            if (!aggregated.includes(k) && keyIssues.has(k))
                result.issues.push(keyIssues.get(k));
        }
    }
    const merged = mergeValues(left.value, right.value);
    if (!merged.valid) {
        if (aborted(result))
            return result;
        throw new Error(`Unmergable intersection. Error path: ` + `${JSON.stringify(merged.mergeErrorPath)}`);
    }
    result.value = merged.data;
    return result;
}
const $ZodTuple = /*@__PURE__*/ $constructor("$ZodTuple", (inst, def) => {
    $ZodType.init(inst, def);
    const items = def.items;
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                input,
                inst,
                expected: "tuple",
                code: "invalid_type",
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, [], ctx) : [];
        const proms = [];
        const optinStart = getTupleOptStart(items, "optin");
        const optoutStart = getTupleOptStart(items, "optout");
        if (!def.rest) {
            if (input.length < optinStart) {
                payload.issues.push({
                    code: "too_small",
                    minimum: optinStart,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
                return payload;
            }
            if (input.length > items.length) {
                payload.issues.push({
                    code: "too_big",
                    maximum: items.length,
                    inclusive: true,
                    input,
                    inst,
                    origin: "array",
                });
            }
        }
        // Run every item in parallel, collecting results into an indexed array. The post-processing in `handleTupleResults` walks them in order so it can decide whether an absent optional-output error can truncate the tail or must be reported to preserve required output.
        const itemResults = new Array(items.length);
        // only tracked when there is a rest loop to skip
        const abortEarly = def.rest ? ctx?.abortEarly : undefined;
        let itemAborted = false;
        for (let i = 0; i < items.length; i++) {
            const r = items[i]._zod.run({ value: input[i], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((rr) => {
                    itemResults[i] = rr;
                }));
            }
            else {
                itemResults[i] = r;
                if (abortEarly && !itemAborted && r.issues.length)
                    itemAborted = aborted(r);
            }
        }
        // sound because rest is non-empty exactly when every fixed index is present, the one case handleTupleResults cannot discard an item's issues
        if (def.rest && !itemAborted) {
            let i = items.length - 1;
            const rest = input.slice(items.length);
            let seen = payload.issues.length;
            for (const el of rest) {
                if (abortEarly && payload.issues.length !== seen) {
                    if (aborted(payload, seen))
                        break;
                    seen = payload.issues.length;
                }
                i++;
                const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((r) => handleTupleResult(r, payload, i)));
                }
                else {
                    handleTupleResult(result, payload, i);
                }
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input, optoutStart));
        }
        return handleTupleResults(itemResults, payload, items, input, optoutStart);
    };
});
function getTupleOptStart(items, key) {
    for (let i = items.length - 1; i >= 0; i--) {
        // optin is a three-rung ladder so any rung above `undefined` permits an absent slot; optout stays two-valued.
        const omittable = key === "optin" ? items[i]._zod.optin !== undefined : items[i]._zod.optout === "optional";
        if (!omittable)
            return i + 1;
    }
    return 0;
}
function handleTupleResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input, optoutStart) {
    // Walk results in order. Mirror $ZodObject's swallow-on-absent-optional rule, but only after `optoutStart`: the first index where the output tuple tail can be absent.
    for (let i = 0; i < items.length; i++) {
        const r = itemResults[i];
        const isPresent = i < input.length;
        // The array analog of `handlePropertyResult`'s absent-key early return: the middle rung permits absence without supplying anything in its place, so the tail truncates here instead of materializing whatever the item made of `undefined`.
        if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
            final.value.length = i;
            break;
        }
        if (r.issues.length) {
            if (!isPresent && i >= optoutStart) {
                final.value.length = i;
                break;
            }
            final.issues.push(...prefixIssues(i, r.issues));
        }
        final.value[i] = r.value;
    }
    // Drop trailing slots that produced `undefined` for absent input
    // (the array analog of an absent optional key on an object). The
    // `i >= input.length` floor is critical: an explicit `undefined`
    // *inside* the input must be preserved even when the schema is
    // optional-out (e.g. `z.string().or(z.undefined())` accepting an
    // explicit undefined value).
    for (let i = final.value.length - 1; i >= input.length; i--) {
        if (items[i]._zod.optout === "optional" && final.value[i] === undefined) {
            final.value.length = i;
        }
        else {
            break;
        }
    }
    return final;
}
const $ZodRecord = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodRecord", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!util.isPlainObject(input)) {
            payload.issues.push({
                expected: "record",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        // no guard in either loop below: a record's invalid_key aborts but an enclosing intersection can reconcile it, so a stopped loop hides keys the sibling does not own and the intersection then rejects nothing
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            const recordKeys = new Set();
            for (const key of values) {
                if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
                    recordKeys.add(typeof key === "number" ? key.toString() : key);
                    // A declared __proto__ is stripped but is not an unrecognized key.
                    if (key === "__proto__")
                        continue;
                    const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                    if (keyResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (keyResult.issues.length) {
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                        continue;
                    }
                    const outKey = keyResult.value;
                    if (outKey === "__proto__")
                        continue;
                    const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                    if (result instanceof Promise) {
                        proms.push(result.then((result) => {
                            if (result.issues.length) {
                                payload.issues.push(...util.prefixIssues(key, result.issues));
                            }
                            payload.value[outKey] = result.value;
                        }));
                    }
                    else {
                        if (result.issues.length) {
                            payload.issues.push(...util.prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }
                }
            }
            let unrecognized;
            for (const key in input) {
                if (!recordKeys.has(key)) {
                    if (def.mode === "loose") {
                        // skip __proto__ so it can't replace the result prototype via the assignment setter on the plain {} we build into
                        if (key === "__proto__")
                            continue;
                        payload.value[key] = input[key];
                    }
                    else {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        else {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            // An enumerable key schema declares which keys the record owns, so a key outside the set is unrecognized. A non-enumerable one (regex, refine) is a constraint every key must satisfy, so a failing key is invalid. Only the former is reconcilable against the other side of an intersection.
            let unrecognized;
            // Reflect.ownKeys for Symbol-key support; filter non-enumerable to match z.object()
            for (const key of Reflect.ownKeys(input)) {
                if (key === "__proto__")
                    continue;
                if (!Object.prototype.propertyIsEnumerable.call(input, key))
                    continue;
                let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                if (keyResult instanceof Promise) {
                    throw new Error("Async schemas not supported in object keys currently");
                }
                // Numeric string fallback: if key is a numeric string and failed, retry with Number(key). This handles z.number(), z.literal([1, 2, 3]), and unions containing numeric literals
                const checkNumericKey = typeof key === "string" && regexes.number.test(key) && keyResult.issues.length;
                if (checkNumericKey) {
                    const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
                    if (retryResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (retryResult.issues.length === 0) {
                        keyResult = retryResult;
                    }
                }
                if (keyResult.issues.length) {
                    if (def.mode === "loose") {
                        // Pass through unchanged
                        payload.value[key] = input[key];
                    }
                    else if (values) {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                    else {
                        // Default "strict" behavior: error on invalid key
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                    }
                    continue;
                }
                // the guard above tests the raw input key, but the key schema can normalize an ordinary key into __proto__; re-check the key we actually write under
                const outKey = keyResult.value;
                if (outKey === "__proto__")
                    continue;
                const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((result) => {
                        if (result.issues.length) {
                            payload.issues.push(...util.prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }));
                }
                else {
                    if (result.issues.length) {
                        payload.issues.push(...util.prefixIssues(key, result.issues));
                    }
                    payload.value[outKey] = result.value;
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload;
    };
})));
const $ZodMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodMap", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Map)) {
            payload.issues.push({
                expected: "map",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Map(), ctx) : new Map();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const [key, value] of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
            const valueResult = def.valueType._zod.run({ value: value, issues: [] }, ctx);
            if (keyResult instanceof Promise || valueResult instanceof Promise) {
                proms.push(Promise.all([keyResult, valueResult]).then(([keyResult, valueResult]) => {
                    handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
                }));
            }
            else {
                handleMapResult(keyResult, valueResult, payload, key, input, inst, ctx);
            }
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, mapSize);
})));
function handleMapResult(keyResult, valueResult, final, key, input, inst, ctx) {
    if (keyResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, keyResult.issues));
        }
        else {
            final.issues.push({
                code: "invalid_key",
                origin: "map",
                input,
                inst,
                issues: keyResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    if (valueResult.issues.length) {
        if (util.propertyKeyTypes.has(typeof key)) {
            final.issues.push(...util.prefixIssues(key, valueResult.issues));
        }
        else {
            final.issues.push({
                origin: "map",
                code: "invalid_element",
                input,
                inst,
                key: key,
                issues: valueResult.issues.map((iss) => util.finalizeIssue(iss, ctx, core.config())),
            });
        }
    }
    final.value.set(keyResult.value, valueResult.value);
}
const $ZodSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSet", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = core.globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!(input instanceof Set)) {
            payload.issues.push({
                input,
                inst,
                expected: "set",
                code: "invalid_type",
            });
            return payload;
        }
        const proms = [];
        payload.value = memo ? memo.alloc(inst, payload, new Set(), ctx) : new Set();
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const item of input) {
            if (abortEarly && payload.issues.length !== seen) {
                if (util.aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            const result = def.valueType._zod.run({ value: item, issues: [] }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleSetResult(result, payload)));
            }
            else
                handleSetResult(result, payload);
        }
        if (proms.length)
            return Promise.all(proms).then(() => payload);
        return payload;
    };
    capSize(inst, setSize);
})));
function handleSetResult(result, final) {
    if (result.issues.length) {
        final.issues.push(...result.issues);
    }
    final.value.add(result.value);
}
const $ZodEnum = /*@__PURE__*/ $constructor("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = getEnumValues(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    defineLazyInternal(inst, "pattern", (zod) => {
        const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const values = new Set(def.values);
    inst._zod.values = values;
    util.defineLazyInternal(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(vals.length
            ? `^(${vals
                .map((o) => typeof o === "string" ? util.escapeRegex(o) : o ? util.escapeRegex(o.toString()) : String(o))
                .join("|")})$`
            : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values: def.values,
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFile", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        // @ts-ignore
        if (input instanceof File)
            return payload;
        payload.issues.push({
            expected: "file",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
})));
const $ZodTransform = /*@__PURE__*/ $constructor("$ZodTransform", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "optional";
    globalConfig.memoizer?.guard(inst);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
            const output = _out instanceof Promise ? _out : Promise.resolve(_out);
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        if (_out instanceof Promise) {
            throw new $ZodAsyncError();
        }
        payload.value = _out;
        return payload;
    };
});
function handleOptionalResult(payload, result) {
    // A substituting schema that still failed has no usable answer; yield undefined. Its issues are simply dropped: it ran on a payload of its own, so there is no shared array to truncate and nothing of the caller's to lose with it.
    payload.value = result.issues.length ? undefined : result.value;
    return payload;
}
const $ZodOptional = /*@__PURE__*/ $constructor("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    // .optional() propagates absence rather than substituting for it, so a defaulted inner keeps its rung.
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        if (payload.value === undefined) {
            // Only the top rung substitutes a value for absence; everything else leaves it intact, which is what .optional() means.
            if (def.innerType._zod.optin !== "defaulted")
                return payload;
            // Its own payload, for the same reason $ZodCatch gets one: a pipe forwards an unrecognized key through the caller's issues array, and this must not read that as the substituting schema failing and drop it.
            const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodExactOptional = /*@__PURE__*/ $constructor("$ZodExactOptional", (inst, def) => {
    // Call parent init - inherits optin/optout = "optional"
    $ZodOptional.init(inst, def);
    // Override values/pattern to NOT add undefined
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
    // Override parse to just delegate (no undefined handling)
    inst._zod.parse = (payload, ctx) => {
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNullable = /*@__PURE__*/ $constructor("$ZodNullable", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : undefined;
    });
    defineLazyInternal(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? new Set([...zod.def.innerType._zod.values, null]) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        // Forward direction (decode): allow null to pass through
        if (payload.value === null)
            return payload;
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodDefault = /*@__PURE__*/ $constructor("$ZodDefault", (inst, def) => {
    $ZodType.init(inst, def);
    // inst._zod.qin = "true";
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply defaults for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
            /**
             * $ZodDefault returns the default value immediately in forward direction.
             * It doesn't pass the default value into the validator ("prefault"). There's no reason to pass the default value through validation. The validity of the default is enforced by TypeScript statically. Otherwise, it's the responsibility of the user to ensure the default is valid. In the case of pipes with divergent in/out types, you can specify the default on the `in` schema of your ZodPipe to set a "prefault" for the pipe.   */
            return payload;
        }
        // Forward direction: continue with default handling
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleDefaultResult(result, def));
        }
        return handleDefaultResult(result, def);
    };
});
function handleDefaultResult(payload, def) {
    if (payload.value === undefined) {
        payload.value = def.defaultValue;
    }
    return payload;
}
const $ZodPrefault = /*@__PURE__*/ $constructor("$ZodPrefault", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply prefault for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNonOptional = /*@__PURE__*/ $constructor("$ZodNonOptional", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => {
        const v = zod.def.innerType._zod.values;
        return v ? new Set([...v].filter((x) => x !== undefined)) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleNonOptionalResult(result, inst));
        }
        return handleNonOptionalResult(result, inst);
    };
});
function handleNonOptionalResult(payload, inst) {
    if (!payload.issues.length && payload.value === undefined) {
        payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: payload.value,
            inst,
        });
    }
    return payload;
}
const $ZodSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodSuccess", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new core.$ZodEncodeError("ZodSuccess");
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => {
                payload.value = result.issues.length === 0;
                return payload;
            });
        }
        payload.value = result.issues.length === 0;
        return payload;
    };
})));
function handleCatchResult(payload, result, def, ctx) {
    if (!result.issues.length) {
        payload.value = result.value;
        // The value carries up, so the flag describing it has to carry with it: a back-edge into a node still being parsed must not be frozen by an enclosing readonly, and its checks belong to the node itself. Guarded so the ordinary case adds no own property.
        if (result.memo)
            payload.memo = true;
        return payload;
    }
    // Spread the inner's own payload, not ours: `value` has to stay the input the catch was handed, and the inner ran on a payload of its own so its issues are already private to this call.
    payload.value = def.catchValue({
        ...result,
        value: payload.value,
        error: {
            issues: result.issues.map((iss) => finalizeIssue(iss, ctx, config())),
        },
        input: payload.value,
    });
    return payload;
}
const $ZodCatch = /*@__PURE__*/ $constructor("$ZodCatch", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply catch logic
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleCatchResult(payload, result, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
    };
});
const $ZodNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodNaN", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "number" || !Number.isNaN(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "nan",
                code: "invalid_type",
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodPipe = /*@__PURE__*/ $constructor("$ZodPipe", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handlePipeResult(right, def.in, ctx));
            }
            return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
            return left.then((left) => handlePipeResult(left, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
    };
});
function handlePipeResult(left, next, ctx) {
    // Any issue stops the pipe, so a failing refinement never feeds its transform. An unrecognized key is the exception: it describes the input's extra properties, not the value being piped, and an enclosing intersection may yet reconcile it.
    if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
        // prevent further checks
        left.aborted = true;
        return left;
    }
    return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
const $ZodCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodCodec", (inst, def) => {
    $ZodType.init(inst, def);
    util.defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    util.defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    util.defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        const direction = ctx.direction || "forward";
        if (direction === "forward") {
            const left = def.in._zod.run(payload, ctx);
            if (left instanceof Promise) {
                return left.then((left) => handleCodecAResult(left, def, ctx));
            }
            return handleCodecAResult(left, def, ctx);
        }
        else {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handleCodecAResult(right, def, ctx));
            }
            return handleCodecAResult(right, def, ctx);
        }
    };
})));
function handleCodecAResult(result, def, ctx) {
    if (result.issues.length) {
        // prevent further checks
        result.aborted = true;
        return result;
    }
    const direction = ctx.direction || "forward";
    if (direction === "forward") {
        const transformed = def.transform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.out, ctx));
        }
        return handleCodecTxResult(result, transformed, def.out, ctx);
    }
    else {
        const transformed = def.reverseTransform(result.value, result);
        if (transformed instanceof Promise) {
            return transformed.then((value) => handleCodecTxResult(result, value, def.in, ctx));
        }
        return handleCodecTxResult(result, transformed, def.in, ctx);
    }
}
function handleCodecTxResult(left, value, nextSchema, ctx) {
    // Check if transform added any issues
    if (left.issues.length) {
        left.aborted = true;
        return left;
    }
    return nextSchema._zod.run({ value, issues: left.issues }, ctx);
}
const $ZodPreprocess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPreprocess", (inst, def) => {
    $ZodPipe.init(inst, def);
})));
const $ZodReadonly = /*@__PURE__*/ $constructor("$ZodReadonly", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then(handleReadonlyResult);
        }
        return handleReadonlyResult(result);
    };
});
function handleReadonlyResult(payload) {
    // A repeat visit hands back a node that is still being built; freezing it here would make the rest of its keys fail to assign.
    if (!payload.memo)
        payload.value = Object.freeze(payload.value);
    return payload;
}
// a leaf's pattern source with its own checks folded in: the last pattern-carrying check wins, else length bounds narrow the catch-all, else an integer format narrows the number form. the fold lives here instead of on `_zod.pattern` so a bundle without template literals never pays for it
function leafPattern(schema) {
    const def = schema._zod.def;
    let pattern = def.pattern;
    let isInt = !!def.format?.includes("int");
    let minimum;
    let maximum;
    for (const ch of def.checks ?? []) {
        const d = ch._zod.def;
        if (d.pattern)
            pattern = d.pattern;
        isInt || (isInt = !!d.format?.includes("int"));
        const lo = d.minimum ?? d.length;
        const hi = d.maximum ?? d.length;
        if (lo !== undefined && (minimum === undefined || lo > minimum))
            minimum = lo;
        if (hi !== undefined && (maximum === undefined || hi < maximum))
            maximum = hi;
    }
    if (pattern)
        return pattern.source;
    // an empty range matches nothing at runtime, and `{8,5}` is not a legal quantifier
    if (minimum !== undefined && maximum !== undefined && minimum > maximum)
        return "(?!)";
    if (minimum !== undefined || maximum !== undefined)
        return regexes.string({ minimum, maximum }).source;
    const own = schema._zod.pattern;
    return (isInt && own === regexes.number ? regexes.integer : own)?.source;
}
// a part's pattern source. a wrapper's pattern embeds its inner pattern's source verbatim, so the folded form is substituted in place without knowing the wrapper's own composition; a union's options are joined the way the union builds its own pattern
function partPattern(schema) {
    const def = schema._zod.def;
    const own = schema._zod.pattern?.source;
    // lazy resolves its inner on the internals, not the def
    const inner = def.innerType ?? schema._zod.innerType;
    if (inner) {
        const before = inner._zod.pattern?.source;
        const after = partPattern(inner);
        if (own && before && after && after !== before) {
            return own.replace(util.cleanRegex(before), () => util.cleanRegex(after));
        }
        return own;
    }
    if (def.options) {
        const sources = def.options.map(partPattern);
        if (sources.every(Boolean))
            return `^(${sources.map((s) => util.cleanRegex(s)).join("|")})$`;
    }
    return leafPattern(schema);
}
const $ZodTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodTemplateLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const regexParts = [];
    for (const part of def.parts) {
        if (typeof part === "object" && part !== null) {
            // is Zod schema
            const source = partPattern(part);
            if (!source) {
                throw new Error(`Invalid template literal part, no pattern found: ${[...part._zod.traits].shift()}`);
            }
            regexParts.push(util.cleanRegex(source));
        }
        else if (part === null || util.primitiveTypes.has(typeof part)) {
            regexParts.push(util.escapeRegex(`${part}`));
        }
        else {
            throw new Error(`Invalid template literal part: ${part}`);
        }
    }
    inst._zod.pattern = new RegExp(`^${regexParts.join("")}$`);
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "string") {
            payload.issues.push({
                input: payload.value,
                inst,
                expected: "string",
                code: "invalid_type",
            });
            return payload;
        }
        inst._zod.pattern.lastIndex = 0;
        if (!inst._zod.pattern.test(payload.value)) {
            payload.issues.push({
                input: payload.value,
                inst,
                code: "invalid_format",
                format: def.format ?? "template_literal",
                pattern: inst._zod.pattern.source,
            });
            return payload;
        }
        return payload;
    };
})));
const $ZodFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodFunction", (inst, def) => {
    $ZodType.init(inst, def);
    // Defined, not assigned: the classic prototype exposes `_def` as a getter with no setter.
    Object.defineProperty(inst, "_def", { value: def });
    inst._zod.def = def;
    inst.implement = (func) => {
        if (typeof func !== "function") {
            throw new Error("implement() must be called with a function");
        }
        // Defined inline so the closure stays anonymous: binding it to a `const` first names it, which costs 256 bytes per implemented function.
        return Object.defineProperty(function (...args) {
            const parsedArgs = inst._def.input ? parse(inst._def.input, args) : args;
            const result = Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return parse(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst.implementAsync = (func) => {
        if (typeof func !== "function") {
            throw new Error("implementAsync() must be called with a function");
        }
        return Object.defineProperty(async function (...args) {
            const parsedArgs = inst._def.input ? await parseAsync(inst._def.input, args) : args;
            const result = await Reflect.apply(func, this, parsedArgs);
            if (inst._def.output) {
                return await parseAsync(inst._def.output, result);
            }
            return result;
        }, "_zod", { value: inst._zod, enumerable: false });
    };
    inst._zod.parse = (payload, _ctx) => {
        if (typeof payload.value !== "function") {
            payload.issues.push({
                code: "invalid_type",
                expected: "function",
                input: payload.value,
                inst,
            });
            return payload;
        }
        // Check if output is a promise type to determine if we should use async implementation
        const hasPromiseOutput = inst._def.output && inst._def.output._zod.def.type === "promise";
        if (hasPromiseOutput) {
            payload.value = inst.implementAsync(payload.value);
        }
        else {
            payload.value = inst.implement(payload.value);
        }
        return payload;
    };
    inst.input = (...args) => {
        const F = inst.constructor;
        if (Array.isArray(args[0])) {
            return new F({
                type: "function",
                input: new $ZodTuple({
                    type: "tuple",
                    items: args[0],
                    rest: args[1],
                }),
                output: inst._def.output,
            });
        }
        return new F({
            type: "function",
            input: args[0],
            output: inst._def.output,
        });
    };
    inst.output = (output) => {
        const F = inst.constructor;
        return new F({
            type: "function",
            input: inst._def.input,
            output,
        });
    };
    return inst;
})));
const $ZodPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodPromise", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        return Promise.resolve(payload.value).then((inner) => def.innerType._zod.run({ value: inner, issues: [] }, ctx));
    };
})));
const $ZodLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("$ZodLazy", (inst, def) => {
    $ZodType.init(inst, def);
    // Cache the resolved inner type on the shared `def` so all clones of this lazy (e.g. via `.describe()`/`.meta()`) share the same inner instance, preserving identity for cycle detection on recursive schemas.
    util.defineLazy(inst._zod, "innerType", () => {
        const d = def;
        if (!d._cachedInner)
            d._cachedInner = def.getter();
        return d._cachedInner;
    });
    util.defineLazyInternal(inst, "pattern", (zod) => zod.innerType?._zod?.pattern);
    util.defineLazyInternal(inst, "propValues", (zod) => zod.innerType?._zod?.propValues);
    util.defineLazyInternal(inst, "optin", (zod) => zod.innerType?._zod?.optin ?? undefined);
    util.defineLazyInternal(inst, "optout", (zod) => zod.innerType?._zod?.optout ?? undefined);
    inst._zod.parse = (payload, ctx) => {
        const inner = inst._zod.innerType;
        return inner._zod.run(payload, ctx);
    };
})));
const $ZodCustom = /*@__PURE__*/ $constructor("$ZodCustom", (inst, def) => {
    $ZodCheck.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _) => {
        return payload;
    };
    inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
            return r.then((r) => handleRefineResult(r, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
    };
});
function handleRefineResult(result, payload, input, inst) {
    if (!result) {
        const _iss = {
            code: "custom",
            input,
            inst, // incorporates params.error into issue reporting
            path: [...(inst._zod.def.path ?? [])], // incorporates params.error into issue reporting
            continue: !inst._zod.def.abort,
            // params: inst._zod.def.params,
        };
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;
        payload.issues.push(util_issue(_iss));
    }
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/registries.js
var registries_a;
const $output = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodOutput")));
const $input = /*@__PURE__*/ (/* unused pure expression or super */ null && (Symbol("ZodInput")));
class $ZodRegistry {
    constructor() {
        this._map = new WeakMap();
        this._idmap = new Map();
    }
    add(schema, ..._meta) {
        const meta = _meta[0];
        this._map.set(schema, meta);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.set(meta.id, schema);
        }
        return this;
    }
    clear() {
        this._map = new WeakMap();
        this._idmap = new Map();
        return this;
    }
    remove(schema) {
        const meta = this._map.get(schema);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.delete(meta.id);
        }
        this._map.delete(schema);
        return this;
    }
    get(schema) {
        // return this._map.get(schema) as any;
        // inherit metadata
        const p = schema._zod.parent;
        if (p) {
            const pm = { ...(this.get(p) ?? {}) };
            delete pm.id; // do not inherit id
            const f = { ...pm, ...this._map.get(schema) };
            return Object.keys(f).length ? f : undefined;
        }
        return this._map.get(schema);
    }
    has(schema) {
        return this._map.has(schema);
    }
}
// registries
function registry() {
    return new $ZodRegistry();
}
(registries_a = globalThis).__zod_globalRegistry ?? (registries_a.__zod_globalRegistry = registry());
const globalRegistry = globalThis.__zod_globalRegistry;

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/api.js




function snapshotChecks(def) {
    if (def.checks)
        def.checks = [...def.checks];
    return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
    return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedString(Class, params) {
    return new Class(snapshotChecks({ type: "string", coerce: true, ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class, params) {
    return new Class({
        type: "string",
        format: "email",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class, params) {
    return new Class({
        type: "string",
        format: "guid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v4",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v6",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v7",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
    return new Class({
        type: "string",
        format: "url",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_emoji(Class, params) {
    return new Class({
        type: "string",
        format: "emoji",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class, params) {
    return new Class({
        type: "string",
        format: "nanoid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link _cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function _cuid(Class, params) {
    return new Class({
        type: "string",
        format: "cuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class, params) {
    return new Class({
        type: "string",
        format: "cuid2",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class, params) {
    return new Class({
        type: "string",
        format: "ulid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class, params) {
    return new Class({
        type: "string",
        format: "xid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class, params) {
    return new Class({
        type: "string",
        format: "ksuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class, params) {
    return new Class({
        type: "string",
        format: "ipv4",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class, params) {
    return new Class({
        type: "string",
        format: "ipv6",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mac(Class, params) {
    return new Class({
        type: "string",
        format: "mac",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv4",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv6",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class, params) {
    return new Class({
        type: "string",
        format: "base64",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class, params) {
    return new Class({
        type: "string",
        format: "base64url",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class, params) {
    return new Class({
        type: "string",
        format: "e164",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _creditCard(Class, params) {
    return new Class({
        type: "string",
        format: "credit_card",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _iban(Class, params) {
    return new Class({
        type: "string",
        format: "iban",
        check: "string_format",
        abort: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class, params) {
    return new Class({
        type: "string",
        format: "jwt",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
const TimePrecision = {
    Any: null,
    Minute: -1,
    Second: 0,
    Millisecond: 3,
    Microsecond: 6,
};
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class, params) {
    return new Class({
        type: "string",
        format: "datetime",
        check: "string_format",
        offset: false,
        local: false,
        precision: null,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class, params) {
    return new Class({
        type: "string",
        format: "date",
        check: "string_format",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class, params) {
    return new Class({
        type: "string",
        format: "time",
        check: "string_format",
        precision: null,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class, params) {
    return new Class({
        type: "string",
        format: "duration",
        check: "string_format",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
    return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _coercedNumber(Class, params) {
    return new Class(snapshotChecks({ type: "number", coerce: true, checks: [], ...util.normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "safeint",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _float64(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "float64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "int32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint32(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "uint32",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
    return new Class({
        type: "boolean",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBoolean(Class, params) {
    return new Class({
        type: "boolean",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _bigint(Class, params) {
    return new Class({
        type: "bigint",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedBigint(Class, params) {
    return new Class({
        type: "bigint",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _int64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "int64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uint64(Class, params) {
    return new Class({
        type: "bigint",
        check: "bigint_format",
        abort: false,
        format: "uint64",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _symbol(Class, params) {
    return new Class({
        type: "symbol",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_undefined(Class, params) {
    return new Class({
        type: "undefined",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function api_null(Class, params) {
    return new Class({
        type: "null",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _any(Class) {
    return new Class({
        type: "any",
    });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
    return new Class({
        type: "unknown",
    });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
    return new Class({
        type: "never",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _void(Class, params) {
    return new Class({
        type: "void",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _date(Class, params) {
    return new Class({
        type: "date",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _coercedDate(Class, params) {
    return new Class({
        type: "date",
        coerce: true,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nan(Class, params) {
    return new Class({
        type: "nan",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...normalizeParams(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...normalizeParams(params),
        value,
        inclusive: true,
    });
}

// @__NO_SIDE_EFFECTS__
function _positive(params) {
    return _gt(0, params);
}
// negative
// @__NO_SIDE_EFFECTS__
function _negative(params) {
    return _lt(0, params);
}
// nonpositive
// @__NO_SIDE_EFFECTS__
function _nonpositive(params) {
    return _lte(0, params);
}
// nonnegative
// @__NO_SIDE_EFFECTS__
function _nonnegative(params) {
    return _gte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
    return new $ZodCheckMultipleOf({
        check: "multiple_of",
        ...normalizeParams(params),
        value,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxSize(maximum, params) {
    return new checks.$ZodCheckMaxSize({
        check: "max_size",
        ...util.normalizeParams(params),
        maximum,
    });
}
// @__NO_SIDE_EFFECTS__
function _minSize(minimum, params) {
    return new checks.$ZodCheckMinSize({
        check: "min_size",
        ...util.normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _size(size, params) {
    return new checks.$ZodCheckSizeEquals({
        check: "size_equals",
        ...util.normalizeParams(params),
        size,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
    const ch = new $ZodCheckMaxLength({
        check: "max_length",
        ...normalizeParams(params),
        maximum,
    });
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
    return new $ZodCheckMinLength({
        check: "min_length",
        ...normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
    return new $ZodCheckLengthEquals({
        check: "length_equals",
        ...normalizeParams(params),
        length,
    });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
    return new $ZodCheckRegex({
        check: "string_format",
        format: "regex",
        ...normalizeParams(params),
        pattern,
    });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
    return new $ZodCheckLowerCase({
        check: "string_format",
        format: "lowercase",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
    return new $ZodCheckUpperCase({
        check: "string_format",
        format: "uppercase",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
    return new $ZodCheckIncludes({
        check: "string_format",
        format: "includes",
        ...normalizeParams(params),
        includes,
    });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
    return new $ZodCheckStartsWith({
        check: "string_format",
        format: "starts_with",
        ...normalizeParams(params),
        prefix,
    });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
    return new $ZodCheckEndsWith({
        check: "string_format",
        format: "ends_with",
        ...normalizeParams(params),
        suffix,
    });
}
// @__NO_SIDE_EFFECTS__
function _property(property, schema, params) {
    return new checks.$ZodCheckProperty({
        check: "property",
        property,
        schema,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _properties(shape, params) {
    return new $ZodCheckProperties({
        check: "properties",
        shape,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _mime(types, params) {
    return new checks.$ZodCheckMimeType({
        check: "mime_type",
        mime: types,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
    return new $ZodCheckOverwrite({
        check: "overwrite",
        tx,
    });
}
// normalize
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
    return _overwrite((input) => input.normalize(form));
}
// trim
// @__NO_SIDE_EFFECTS__
function _trim() {
    return _overwrite((input) => input.trim());
}
// toLowerCase
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
    return _overwrite((input) => input.toLowerCase());
}
// toUpperCase
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
    return _overwrite((input) => input.toUpperCase());
}
// slugify
// @__NO_SIDE_EFFECTS__
function _slugify() {
    return _overwrite((input) => slugify(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class, element, params) {
    return new Class({
        type: "array",
        element,
        // get element() {
        //   return element;
        // },
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _union(Class, options, params) {
    return new Class({
        type: "union",
        options,
        ...util.normalizeParams(params),
    });
}
function _xor(Class, options, params) {
    return new Class({
        type: "union",
        options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _discriminatedUnion(Class, discriminator, options, params) {
    return new Class({
        type: "union",
        options: options,
        discriminator,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _intersection(Class, left, right) {
    return new Class({
        type: "intersection",
        left,
        right,
    });
}
// export function _tuple(
//   Class: util.SchemaClass<schemas.$ZodTuple>,
//   items: [],
//   params?: string | $ZodTupleParams
// ): schemas.$ZodTuple<[], null>;
// @__NO_SIDE_EFFECTS__
function _tuple(Class, items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof schemas.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new Class({
        type: "tuple",
        items,
        rest,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _record(Class, keyType, valueType, params) {
    return new Class({
        type: "record",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _map(Class, keyType, valueType, params) {
    return new Class({
        type: "map",
        keyType,
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _set(Class, valueType, params) {
    return new Class({
        type: "set",
        valueType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _enum(Class, values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    // if (Array.isArray(values)) {
    //   for (const value of values) {
    //     entries[value] = value;
    //   }
    // } else {
    //   Object.assign(entries, values);
    // }
    // const entries: util.EnumLike = {};
    // for (const val of values) {
    //   entries[val] = val;
    // }
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function _nativeEnum(Class, entries, params) {
    return new Class({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _literal(Class, value, params) {
    return new Class({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _file(Class, params) {
    return new Class({
        type: "file",
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _transform(Class, fn) {
    return new Class({
        type: "transform",
        transform: fn,
    });
}
// @__NO_SIDE_EFFECTS__
function _optional(Class, innerType) {
    return new Class({
        type: "optional",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _nullable(Class, innerType) {
    return new Class({
        type: "nullable",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _default(Class, innerType, defaultValue) {
    return new Class({
        type: "default",
        innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : util.shallowClone(defaultValue);
        },
    });
}
// @__NO_SIDE_EFFECTS__
function _nonoptional(Class, innerType, params) {
    return new Class({
        type: "nonoptional",
        innerType,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _success(Class, innerType) {
    return new Class({
        type: "success",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _catch(Class, innerType, catchValue) {
    return new Class({
        type: "catch",
        innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : util.constantCatch(catchValue)),
    });
}
// @__NO_SIDE_EFFECTS__
function _pipe(Class, in_, out) {
    return new Class({
        type: "pipe",
        in: in_,
        out,
    });
}
// @__NO_SIDE_EFFECTS__
function _readonly(Class, innerType) {
    return new Class({
        type: "readonly",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _templateLiteral(Class, parts, params) {
    return new Class({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lazy(Class, getter) {
    return new Class({
        type: "lazy",
        getter,
    });
}
// @__NO_SIDE_EFFECTS__
function _promise(Class, innerType) {
    return new Class({
        type: "promise",
        innerType,
    });
}
// @__NO_SIDE_EFFECTS__
function _custom(Class, fn, _params) {
    const norm = util.normalizeParams(_params);
    norm.abort ?? (norm.abort = true); // default to abort:false
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...norm,
    });
    return schema;
}
// same as _custom but defaults to abort:false
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...normalizeParams(_params),
    });
    return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
    const ch = _check((payload) => {
        payload.addIssue = (issue) => {
            if (typeof issue === "string") {
                payload.issues.push(util_issue(issue, payload.value, ch._zod.def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = ch);
                _issue.continue ?? (_issue.continue = !ch._zod.def.abort); // abort is always undefined, so this is always true...
                payload.issues.push(util_issue(_issue));
            }
        };
        return fn(payload.value, payload);
    }, params);
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
    const ch = new $ZodCheck({
        check: "custom",
        ...normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}
// @__NO_SIDE_EFFECTS__
function describe(description) {
    const ch = new $ZodCheck({ check: "describe" });
    ch._zod.onattach = [
        (inst) => {
            const existing = globalRegistry.get(inst) ?? {};
            globalRegistry.add(inst, { ...existing, description });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function meta(metadata) {
    const ch = new $ZodCheck({ check: "meta" });
    ch._zod.onattach = [
        (inst) => {
            const existing = globalRegistry.get(inst) ?? {};
            globalRegistry.add(inst, { ...existing, ...metadata });
        },
    ];
    ch._zod.check = () => { }; // no-op check
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _stringbool(Classes, _params) {
    const params = util.normalizeParams(_params);
    let truthyArray = params.truthy ?? ["true", "1", "yes", "on", "y", "enabled"];
    let falsyArray = params.falsy ?? ["false", "0", "no", "off", "n", "disabled"];
    if (params.case !== "sensitive") {
        truthyArray = truthyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
        falsyArray = falsyArray.map((v) => (typeof v === "string" ? v.toLowerCase() : v));
    }
    const truthySet = new Set(truthyArray);
    const falsySet = new Set(falsyArray);
    const _Codec = Classes.Codec ?? schemas.$ZodCodec;
    const _Boolean = Classes.Boolean ?? schemas.$ZodBoolean;
    const _String = Classes.String ?? schemas.$ZodString;
    const stringSchema = new _String({ type: "string", error: params.error });
    const booleanSchema = new _Boolean({ type: "boolean", error: params.error });
    const codec = new _Codec({
        type: "pipe",
        in: stringSchema,
        out: booleanSchema,
        transform: ((input, payload) => {
            let data = input;
            if (params.case !== "sensitive")
                data = data.toLowerCase();
            if (truthySet.has(data)) {
                return true;
            }
            else if (falsySet.has(data)) {
                return false;
            }
            else {
                payload.issues.push({
                    code: "invalid_value",
                    expected: "stringbool",
                    values: [...truthySet, ...falsySet],
                    input: payload.value,
                    inst: codec,
                    continue: false,
                });
                return {};
            }
        }),
        reverseTransform: ((input, _payload) => {
            if (input === true) {
                return truthyArray[0] || "true";
            }
            else {
                return falsyArray[0] || "false";
            }
        }),
        error: params.error,
    });
    codec._zod.bag.truthy = truthyArray;
    codec._zod.bag.falsy = falsyArray;
    codec._zod.bag.case = params.case ?? "insensitive";
    return codec;
}
// @__NO_SIDE_EFFECTS__
function _stringFormat(Class, format, fnOrRegex, _params = {}) {
    const params = util.normalizeParams(_params);
    const def = {
        check: "string_format",
        type: "string",
        format,
        fn: typeof fnOrRegex === "function" ? fnOrRegex : (val) => fnOrRegex.test(val),
        ...params,
    };
    if (fnOrRegex instanceof RegExp) {
        def.pattern = fnOrRegex;
    }
    const inst = new Class(def);
    return inst;
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/to-json-schema.js


function assignProps(target, ...sources) {
    for (const source of sources) {
        for (const key of Reflect.ownKeys(source)) {
            if (Object.prototype.propertyIsEnumerable.call(source, key)) {
                util_assignProp(target, key, source[key]);
            }
        }
    }
    return target;
}
// function initializeContext<T extends schemas.$ZodType>(inputs: JSONSchemaGeneratorParams<T>): ToJSONSchemaContext<T> {
//   return {
//     processor: inputs.processor,
//     metadataRegistry: inputs.metadata ?? globalRegistry,
//     target: inputs.target ?? "draft-2020-12",
//     unrepresentable: inputs.unrepresentable ?? "throw",
//   };
// }
function to_json_schema_initializeContext(params) {
    // Normalize target: convert old non-hyphenated versions to hyphenated versions
    let target = params?.target ?? "draft-2020-12";
    if (target === "draft-4")
        target = "draft-04";
    if (target === "draft-7")
        target = "draft-07";
    return {
        processors: params.processors ?? {},
        metadataRegistry: params?.metadata ?? globalRegistry,
        target,
        unrepresentable: params?.unrepresentable ?? "throw",
        override: params?.override ?? (() => { }),
        io: params?.io ?? "output",
        counter: 0,
        seen: new Map(),
        sharedDefsExtractedFor: undefined,
        sharedEmitDoneFor: undefined,
        cycles: params?.cycles ?? "ref",
        reused: params?.reused ?? "inline",
        intersections: [],
        deferred: [],
        external: params?.external ?? undefined,
    };
}
/**
 * Applies the `unrepresentable` setting at a site that has no JSON Schema equivalent. Throws
 * `message` unless the setting (or the handler's return value) says otherwise. Returns `true` if a
 * custom JSON Schema was written into `json`, in which case the caller must not write its own.
 */
function handleUnrepresentable(schema, ctx, json, params, message) {
    const result = typeof ctx.unrepresentable === "function"
        ? ctx.unrepresentable({ zodSchema: schema, path: params.path, message })
        : ctx.unrepresentable;
    if (result === "any")
        return false;
    if (result === undefined || result === "throw")
        throw new Error(message);
    Object.assign(json, result);
    return true;
}
// never rename this back to `process`: bundler polyfills inject a top-level `const process` that a lexical declaration of the same name collides with (#6397)
function to_json_schema_processSchema(schema, ctx, _params = { path: [], schemaPath: [] }) {
    var _a;
    const def = schema._zod.def;
    // check for schema in seens
    const seen = ctx.seen.get(schema);
    if (seen) {
        seen.count++;
        // check if cycle
        const isCycle = _params.schemaPath.includes(schema);
        if (isCycle) {
            seen.cycle = _params.path;
        }
        return seen.schema;
    }
    // initialize
    const result = { schema: {}, count: 1, cycle: undefined, path: _params.path };
    ctx.seen.set(schema, result);
    ctx.sharedDefsExtractedFor = undefined;
    ctx.sharedEmitDoneFor = undefined;
    // custom method overrides default behavior
    const overrideSchema = schema._zod.toJSONSchema?.();
    if (overrideSchema) {
        result.schema = overrideSchema;
    }
    else {
        const params = {
            ..._params,
            schemaPath: [..._params.schemaPath, schema],
            path: _params.path,
        };
        if (schema._zod.processJSONSchema) {
            schema._zod.processJSONSchema(ctx, result.schema, params);
        }
        else {
            const _json = result.schema;
            const processor = ctx.processors[def.type];
            if (!processor) {
                throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
            }
            processor(schema, ctx, _json, params);
        }
        const parent = schema._zod.parent;
        if (parent) {
            // Also set ref if processor didn't (for inheritance)
            if (!result.ref)
                result.ref = parent;
            to_json_schema_processSchema(parent, ctx, params);
            ctx.seen.get(parent).isParent = true;
        }
    }
    // metadata
    const meta = ctx.metadataRegistry.get(schema);
    if (meta)
        assignProps(result.schema, meta);
    if (ctx.io === "input" && isTransforming(schema)) {
        // examples/defaults only apply to output type of pipe
        delete result.schema.examples;
        delete result.schema.default;
    }
    // set prefault as default
    if (ctx.io === "input" && "_prefault" in result.schema)
        (_a = result.schema).default ?? (_a.default = result.schema._prefault);
    delete result.schema._prefault;
    // pulling fresh from ctx.seen in case it was overwritten
    const _result = ctx.seen.get(schema);
    return _result.schema;
}
/** @deprecated Renamed to `processSchema`. An export alias declares no binding, so it is safe to keep. */

// Escape a reference token for use in a JSON Pointer fragment (RFC 6901): `~` becomes `~0` and `/` becomes `~1`. The `~` replacement must run first.
function encodeJSONPointerSegment(segment) {
    return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function to_json_schema_extractDefs(ctx, schema
// params: EmitParams
) {
    // iterate over seen map;
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // With `external` set, every registered schema resolves through the external branch of `makeURI`, so the root branch below produces the same ref the external branch would — this pass is identical whichever schema it is called with, and only needs to run once.
    if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external)
        return;
    // Track ids to detect duplicates across different schemas
    const idToSchema = new Map();
    for (const entry of ctx.seen.entries()) {
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            const existing = idToSchema.get(id);
            if (existing && existing !== entry[0]) {
                throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
            }
            idToSchema.set(id, entry[0]);
        }
    }
    // returns a ref to the schema defId will be empty if the ref points to an external schema (or #)
    const makeURI = (entry) => {
        // comparing the seen objects because sometimes multiple schemas map to the same seen object. e.g. lazy
        // external is configured
        const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
        if (ctx.external) {
            const externalId = ctx.external.registry.get(entry[0])?.id; // ?? "__shared";// `__schema${ctx.counter++}`;
            // check if schema is in the external registry
            const uriGenerator = ctx.external.uri ?? ((id) => id);
            if (externalId) {
                return { ref: uriGenerator(externalId) };
            }
            // otherwise, add to __shared
            const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
            entry[1].defId = id; // set defId so it will be reused if needed
            return { defId: id, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}` };
        }
        const uriPrefix = `#`;
        const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
        // an id-less root has nowhere to be extracted to, so it stays inline and self-references as `#`
        if (entry[1] === root && !entry[1].schema.id) {
            return { ref: uriPrefix };
        }
        // self-contained schema
        const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
        return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
    };
    // stored cached version in `def` property remove all properties, set $ref
    const extractToDef = (entry) => {
        // if the schema is already a reference, do not extract it
        if (entry[1].schema.$ref) {
            return;
        }
        const seen = entry[1];
        const { ref, defId } = makeURI(entry);
        seen.def = { ...seen.schema };
        // defId won't be set if the schema is a reference to an external schema or if the schema is the root schema
        if (defId)
            seen.defId = defId;
        // wipe away all properties except $ref
        const schema = seen.schema;
        for (const key in schema) {
            delete schema[key];
        }
        schema.$ref = ref;
    };
    // throw on cycles
    // break cycles
    if (ctx.cycles === "throw") {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.cycle) {
                throw new Error("Cycle detected: " +
                    `#/${seen.cycle?.join("/")}/<root>` +
                    '\n\nSet the `cycles` parameter to `"ref"` to resolve cyclical schemas with defs.');
            }
        }
    }
    // extract schemas into $defs
    for (const entry of ctx.seen.entries()) {
        const seen = entry[1];
        // convert root schema to # $ref
        if (schema === entry[0]) {
            extractToDef(entry); // this has special handling for the root schema
            continue;
        }
        // extract schemas that are in the external registry
        if (ctx.external) {
            const ext = ctx.external.registry.get(entry[0])?.id;
            if (schema !== entry[0] && ext) {
                extractToDef(entry);
                continue;
            }
        }
        // extract schemas with `id` meta
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            extractToDef(entry);
            continue;
        }
        // break cycles
        if (seen.cycle) {
            // any
            extractToDef(entry);
            continue;
        }
        // extract reused schemas
        if (seen.count > 1) {
            if (ctx.reused === "ref") {
                extractToDef(entry);
            }
        }
    }
    if (ctx.external)
        ctx.sharedDefsExtractedFor = ctx.external;
}
/** Rewrites `anyOf: [{type: "a"}, {type: "b"}]` to `type: ["a", "b"]`, which every JSON Schema draft treats as equivalent and most consumers render far better for the nullable case. Only branches that are a bare type assertion qualify — anything carrying a constraint, `$ref`, `const` or metadata is left alone. Runs after `flattenRef`, so a branch an override decorated or `$defs` extraction turned into a `$ref` is no longer bare and correctly stays in `anyOf`. `oneOf` is excluded: `integer` and `number` overlap, so "exactly one" and "at least one" are not the same there. OpenAPI 3.0 is excluded: its `type` must be a single string. */
function compactTypeUnion(schema) {
    const options = schema.anyOf;
    if (!Array.isArray(options) || options.length === 0 || schema.type !== undefined)
        return;
    const types = [];
    for (const option of options) {
        if (!option || typeof option !== "object")
            return;
        // A branch that is itself a compactible union folds into this one — nested `anyOf` and a flat `type` array say the same thing. Compacting it first also makes the result independent of the order this pass walks the seen map in.
        compactTypeUnion(option);
        const keys = Object.keys(option);
        if (keys.length !== 1 || keys[0] !== "type")
            return;
        const type = option.type;
        for (const member of Array.isArray(type) ? type : [type]) {
            if (typeof member !== "string")
                return;
            if (!types.includes(member))
                types.push(member);
        }
    }
    delete schema.anyOf;
    // A `type` array must be non-empty and unique (metaschema); a single member is spelled as a bare string.
    schema.type = types.length === 1 ? types[0] : types;
}
/** Keywords `foldIntersection` knows how to combine. Anything else — `$ref`, `patternProperties`,
 * an annotation like `description` — makes a member unfoldable, so a constraint this does not
 * understand leaves the `allOf` alone instead of being silently dropped or misattributed. */
const FOLDABLE_KEYS = new Set(["type", "properties", "required", "additionalProperties"]);
const UNION_KEYS = ["oneOf", "anyOf"];
/** A member's constraint on a key it does not declare itself. A `catchall` states one; `false`, an absent `additionalProperties`, and the empty schema a loose object emits state nothing. */
function undeclaredConstraint(member) {
    const extra = member.additionalProperties;
    if (extra === undefined || extra === false || typeof extra !== "object" || extra === null)
        return null;
    return Object.keys(extra).length ? extra : null;
}
/** Combines object members into the single object they describe together, or returns `null` if any of them carries a keyword outside {@link FOLDABLE_KEYS}. */
function foldObjects(members) {
    const objects = [];
    for (const member of members) {
        // A boolean subschema is legal JSON Schema and carries no keywords to fold.
        if (typeof member !== "object" || member.type !== "object")
            return null;
        for (const key in member) {
            if (!FOLDABLE_KEYS.has(key))
                return null;
        }
        objects.push(member);
    }
    const properties = {};
    const required = new Set();
    for (const object of objects) {
        for (const key in object.properties) {
            // `in` would report a `__proto__` key as already present via the prototype chain and skip it.
            if (Object.prototype.hasOwnProperty.call(properties, key))
                continue;
            // Every member constrains this key: the ones that declare it say how, and a `catchall` member constrains it too even though it does not name it. The key has to satisfy all of them, which is the same intersection one level down.
            const parts = [];
            for (const other of objects) {
                const part = other.properties?.[key] ?? undeclaredConstraint(other);
                if (part === null || part === undefined)
                    continue;
                if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
                    parts.push(part);
            }
            const merged = parts.length === 1
                ? parts[0]
                : (foldObjects(parts) ?? { allOf: parts });
            util_assignProp(properties, key, merged);
        }
        for (const key of object.required ?? [])
            required.add(key);
    }
    const folded = { type: "object", properties };
    if (required.size)
        folded.required = [...required];
    // A key no member declares is rejected only when every member rejects it, so the fold is closed only when every member is. Otherwise it carries whatever the `catchall` members demand of such a key.
    if (objects.every((object) => object.additionalProperties === false)) {
        folded.additionalProperties = false;
    }
    else {
        const constraints = [];
        for (const object of objects) {
            const constraint = undeclaredConstraint(object);
            if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
                constraints.push(constraint);
        }
        if (constraints.length === 1)
            folded.additionalProperties = constraints[0];
        else if (constraints.length > 1)
            folded.additionalProperties = { allOf: constraints };
    }
    return folded;
}
/** `additionalProperties` in an `allOf` member sees only that member's own `properties`, so two
 * closed object members reject each other's keys and the schema validates nothing. Zod's parser
 * pools the key sets instead — `handleIntersectionResults` reports a key as unrecognized only when
 * *every* side rejects it — so the emitted schema has to pool them too, and folding the members
 * into one object is the encoding that says so on every target.
 *
 * This runs from `finalize`, after `extractDefs`, which is what keeps it clear of the `$ref`
 * machinery: a member extracted into `$defs` is already a `$ref` by now and declines to fold, so it
 * keeps its reference and its own closedness rather than being inlined as a stale copy. */
function foldIntersection(json) {
    const allOf = json.allOf;
    if (!Array.isArray(allOf) || allOf.length < 2)
        return;
    // An `override` runs before this pass and may have written object keywords onto the intersection itself. Those are deliberate, so decline rather than overwrite them.
    for (const key of FOLDABLE_KEYS)
        if (key in json)
            return;
    // An intersection distributes over a union: `A & (X | Y)` is `(A & X) | (A & Y)`. Only the first union is distributed over; a second one stays among the members every branch folds against, where it fails the object check and declines the whole intersection rather than multiplying out.
    const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
    let folded = null;
    if (!unions.length) {
        folded = foldObjects(allOf);
    }
    else {
        const union = unions[0];
        const keyword = UNION_KEYS.find((k) => Array.isArray(union[k]));
        if (Object.keys(union).length !== 1)
            return;
        const rest = allOf.filter((m) => m !== union);
        const branches = union[keyword].map((branch) => foldObjects([...rest, branch]));
        if (branches.some((b) => !b))
            return;
        folded = { [keyword]: branches };
    }
    if (!folded)
        return;
    delete json.allOf;
    assignProps(json, folded);
}
function to_json_schema_finalize(ctx, schema) {
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // flatten refs - inherit properties from parent schemas
    const flattenRef = (zodSchema) => {
        const seen = ctx.seen.get(zodSchema);
        // already processed
        if (seen.ref === null)
            return;
        const schema = seen.def ?? seen.schema;
        const _cached = { ...schema };
        const ref = seen.ref;
        seen.ref = null; // prevent infinite recursion
        if (ref) {
            flattenRef(ref);
            const refSeen = ctx.seen.get(ref);
            const refSchema = refSeen.schema;
            // merge referenced schema into current
            if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
                // older drafts can't combine $ref with other properties
                schema.allOf = schema.allOf ?? [];
                schema.allOf.push(refSchema);
            }
            else {
                assignProps(schema, refSchema);
            }
            // restore child's own properties (child wins)
            assignProps(schema, _cached);
            const isParentRef = zodSchema._zod.parent === ref;
            // For parent chain, child is a refinement - remove parent-only properties
            if (isParentRef) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (!(key in _cached)) {
                        delete schema[key];
                    }
                }
            }
            // When ref was extracted to $defs, remove properties that match the definition
            if (refSchema.$ref && refSeen.def) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (key in refSeen.def && JSON.stringify(schema[key]) === JSON.stringify(refSeen.def[key])) {
                        delete schema[key];
                    }
                }
            }
        }
        // If parent was extracted (has $ref), propagate $ref to this schema. This handles cases like: readonly().meta({id}).describe() where processor sets ref to innerType but parent should be referenced
        const parent = zodSchema._zod.parent;
        if (parent && parent !== ref) {
            // Ensure parent is processed first so its def has inherited properties
            flattenRef(parent);
            const parentSeen = ctx.seen.get(parent);
            if (parentSeen?.schema.$ref) {
                schema.$ref = parentSeen.schema.$ref;
                // De-duplicate with parent's definition
                if (parentSeen.def) {
                    for (const key in schema) {
                        if (key === "$ref" || key === "allOf")
                            continue;
                        if (key in parentSeen.def && JSON.stringify(schema[key]) === JSON.stringify(parentSeen.def[key])) {
                            delete schema[key];
                        }
                    }
                }
            }
        }
        // execute overrides
        ctx.override({
            zodSchema: zodSchema,
            jsonSchema: schema,
            path: seen.path ?? [],
        });
    };
    // Flattening walks the whole map and clears each `ref` as it goes, so a second call over the same map is a no-op scan. Skip it outright once it has run for a registry conversion.
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of [...ctx.seen.entries()].reverse()) {
            flattenRef(entry[0]);
        }
        if (ctx.target !== "openapi-3.0") {
            for (const entry of ctx.seen.entries()) {
                compactTypeUnion(entry[1].def ?? entry[1].schema);
            }
        }
        for (const rewrite of ctx.deferred)
            rewrite();
        // After flattening, every member that was extracted is a `$ref`, so the fold sees the final shape. A schema that inherits an intersection — through `z.lazy`, or any `ref` chain — holds the same `allOf` array, so fold by array identity to catch every copy.
        if (ctx.intersections.length) {
            const carriers = new Map();
            for (const seen of ctx.seen.values()) {
                for (const json of [seen.schema, seen.def]) {
                    const allOf = json?.allOf;
                    if (!Array.isArray(allOf))
                        continue;
                    const existing = carriers.get(allOf);
                    if (existing)
                        existing.push(json);
                    else
                        carriers.set(allOf, [json]);
                }
            }
            for (const allOf of ctx.intersections) {
                for (const json of carriers.get(allOf) ?? [])
                    foldIntersection(json);
            }
        }
    }
    const result = {};
    if (ctx.target === "draft-2020-12") {
        result.$schema = "https://json-schema.org/draft/2020-12/schema";
    }
    else if (ctx.target === "draft-07") {
        result.$schema = "http://json-schema.org/draft-07/schema#";
    }
    else if (ctx.target === "draft-04") {
        result.$schema = "http://json-schema.org/draft-04/schema#";
    }
    else if (ctx.target === "openapi-3.0") {
        // OpenAPI 3.0 schema objects should not include a $schema property
    }
    else {
        // Arbitrary string values are allowed but won't have a $schema property set
    }
    if (ctx.external?.uri) {
        const id = ctx.external.registry.get(schema)?.id;
        if (!id)
            throw new Error("Schema is missing an `id` property");
        result.$id = ctx.external.uri(id);
    }
    // when the root was extracted into $defs, `root.schema` is the `$ref` wrapper and `root.def` is the body that now lives under $defs
    assignProps(result, root.defId ? root.schema : (root.def ?? root.schema));
    // The `id` in `.meta()` is a Zod-specific registration tag used to extract schemas into $defs — it is not user-facing JSON Schema metadata. Strip it from the output body where it would otherwise leak. The id is preserved implicitly via the $defs key (and via $ref paths).
    const rootMetaId = ctx.metadataRegistry.get(schema)?.id;
    if (rootMetaId !== undefined && result.id === rootMetaId)
        delete result.id;
    // build defs object. With `external`, `defs` is the shared object every schema writes into, so the same entries are reassigned on every call. Without it, `defs` is fresh per call and must be rebuilt.
    const defs = ctx.external?.defs ?? {};
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.def && seen.defId) {
                if (seen.def.id === seen.defId)
                    delete seen.def.id;
                util_assignProp(defs, seen.defId, seen.def);
            }
        }
    }
    if (ctx.external)
        ctx.sharedEmitDoneFor = ctx.external;
    // set definitions in result
    if (ctx.external) {
    }
    else {
        if (Object.keys(defs).length > 0) {
            if (ctx.target === "draft-2020-12") {
                result.$defs = defs;
            }
            else {
                result.definitions = defs;
            }
        }
    }
    try {
        // this "finalizes" this schema and ensures all cycles are removed each call to finalize() is functionally independent though the seen map is shared
        const finalized = JSON.parse(JSON.stringify(result));
        Object.defineProperty(finalized, "~standard", {
            value: {
                ...schema["~standard"],
                jsonSchema: {
                    input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
                    output: createStandardJSONSchemaMethod(schema, "output", ctx.processors),
                },
            },
            enumerable: false,
            writable: false,
        });
        return finalized;
    }
    catch (_err) {
        throw new Error("Error converting schema to JSON.");
    }
}
function isTransforming(_schema, _ctx) {
    const ctx = _ctx ?? { seen: new Set() };
    if (ctx.seen.has(_schema))
        return false;
    ctx.seen.add(_schema);
    const def = _schema._zod.def;
    if (def.type === "transform")
        return true;
    if (def.type === "array")
        return isTransforming(def.element, ctx);
    if (def.type === "set")
        return isTransforming(def.valueType, ctx);
    if (def.type === "lazy")
        return isTransforming(def.getter(), ctx);
    if (def.type === "promise" ||
        def.type === "optional" ||
        def.type === "nonoptional" ||
        def.type === "nullable" ||
        def.type === "readonly" ||
        def.type === "default" ||
        def.type === "prefault" ||
        def.type === "catch") {
        return isTransforming(def.innerType, ctx);
    }
    if (def.type === "intersection") {
        return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
    }
    if (def.type === "record" || def.type === "map") {
        return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
    }
    if (def.type === "pipe") {
        if (_schema._zod.traits.has("$ZodCodec"))
            return true;
        return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
    }
    if (def.type === "object") {
        for (const key in def.shape) {
            if (isTransforming(def.shape[key], ctx))
                return true;
        }
        return false;
    }
    if (def.type === "union") {
        for (const option of def.options) {
            if (isTransforming(option, ctx))
                return true;
        }
        return false;
    }
    if (def.type === "tuple") {
        for (const item of def.items) {
            if (isTransforming(item, ctx))
                return true;
        }
        if (def.rest && isTransforming(def.rest, ctx))
            return true;
        return false;
    }
    return false;
}
/**
 * Creates a toJSONSchema method for a schema instance.
 * This encapsulates the logic of initializing context, processing, extracting defs, and finalizing.
 */
const createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
    const ctx = to_json_schema_initializeContext({ ...params, processors });
    to_json_schema_processSchema(schema, ctx);
    to_json_schema_extractDefs(ctx, schema);
    return to_json_schema_finalize(ctx, schema);
};
const createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
    const { libraryOptions, target } = params ?? {};
    const ctx = to_json_schema_initializeContext({ ...(libraryOptions ?? {}), target, io, processors });
    to_json_schema_processSchema(schema, ctx);
    to_json_schema_extractDefs(ctx, schema);
    return to_json_schema_finalize(ctx, schema);
};

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/json-schema-processors.js




const narrowMin = (agg, key, value) => {
    if (agg[key] === undefined || value > agg[key])
        agg[key] = value;
};
const narrowMax = (agg, key, value) => {
    if (agg[key] === undefined || value < agg[key])
        agg[key] = value;
};
const narrowBoth = (agg, value) => {
    narrowMin(agg, "minimum", value);
    narrowMax(agg, "maximum", value);
};
const addDivisor = (agg, value) => {
    agg.multipleOf ?? (agg.multipleOf = []);
    if (!agg.multipleOf.includes(value))
        agg.multipleOf.push(value);
};
const addPattern = (agg, pattern) => {
    agg.patterns ?? (agg.patterns = new Set());
    agg.patterns.add(pattern);
};
const intersectMime = (agg, mime) => {
    agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
};
// last-wins, matching the bag's historical write order; the flag keeps an integer format from being lost to a later float one
const setFormat = (agg, format) => {
    agg.format = format;
    if (format.includes("int"))
        agg.isInt = true;
};
const minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
const maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
const formatContributor = (ranges) => (agg, def) => {
    setFormat(agg, def.format);
    const [minimum, maximum] = ranges[def.format];
    narrowMin(agg, "minimum", minimum);
    narrowMax(agg, "maximum", maximum);
};
const contributors = {
    greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
    less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
    multiple_of: (agg, def) => addDivisor(agg, def.value),
    number_format: formatContributor(NUMBER_FORMAT_RANGES),
    bigint_format: formatContributor(BIGINT_FORMAT_RANGES),
    min_length: minContributor,
    max_length: maxContributor,
    length_equals: (agg, def) => narrowBoth(agg, def.length),
    min_size: minContributor,
    max_size: maxContributor,
    size_equals: (agg, def) => narrowBoth(agg, def.size),
    string_format: (agg, def) => {
        setFormat(agg, def.format);
        if (def.pattern)
            addPattern(agg, def.pattern);
        if (def.format === "base64" || def.format === "base64url")
            agg.contentEncoding = def.format;
        if (def.local || def.precision === -1)
            agg.laxFormat = true;
    },
    mime_type: (agg, def) => intersectMime(agg, def.mime),
};
function aggregateChecks(schema) {
    const agg = {};
    const def = schema._zod.def;
    // a format schema is its own first check, same rule as $ZodType init
    const list = schema._zod.traits.has("$ZodCheck")
        ? [schema, ...(def.checks ?? [])]
        : (def.checks ?? []);
    for (const ch of list)
        contributors[ch._zod.def.check]?.(agg, ch._zod.def);
    // reconcile with the bag so third-party onattach contributions still land; first-party residue is never tighter than the fold, so merging it back is idempotent for one and additive for the other
    const bag = schema._zod.bag;
    if (bag.minimum !== undefined)
        narrowMin(agg, "minimum", bag.minimum);
    if (bag.exclusiveMinimum !== undefined)
        narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
    if (bag.maximum !== undefined)
        narrowMax(agg, "maximum", bag.maximum);
    if (bag.exclusiveMaximum !== undefined)
        narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
    if (bag.multipleOf !== undefined)
        addDivisor(agg, bag.multipleOf);
    if (bag.format !== undefined) {
        agg.format ?? (agg.format = bag.format);
        if (bag.format.includes("int"))
            agg.isInt = true;
    }
    if (bag.mime)
        intersectMime(agg, bag.mime);
    for (const pattern of bag.patterns ?? [])
        addPattern(agg, pattern);
    return agg;
}
const formatMap = {
    guid: "uuid",
    url: "uri",
    datetime: "date-time",
    json_string: "json-string",
    regex: "", // do not set
};
// ==================== SIMPLE TYPE PROCESSORS ====================
// the runtime patterns are lax so parse paths never overflow the regex stack; the emitted schema swaps in the exact block forms, which zod itself never executes
const exactPatterns = new Map([
    [base64Charset, base64],
    [base64urlCharset, base64url],
]);
const exactPattern = (p) => exactPatterns.get(p) ?? p;
const stringProcessor = (schema, ctx, _json, _params) => {
    const json = _json;
    json.type = "string";
    const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minLength = minimum;
    if (typeof maximum === "number")
        json.maxLength = maximum;
    // custom pattern overrides format
    if (format) {
        json.format = formatMap[format] ?? format;
        if (json.format === "")
            delete json.format; // empty format is not valid
        // `z.iso.time()` is never full-time, and `laxFormat` carries the datetime shapes that also accept what their keyword forbids
        if (format === "time" || laxFormat) {
            delete json.format;
        }
    }
    if (contentEncoding)
        json.contentEncoding = contentEncoding;
    if (patterns && patterns.size > 0) {
        const patternList = [...patterns].map(exactPattern);
        if (patternList.length === 1)
            json.pattern = patternList[0].source;
        else if (patternList.length > 1) {
            json.allOf = [
                ...patternList.map((regex) => ({
                    ...(ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0"
                        ? { type: "string" }
                        : {}),
                    pattern: regex.source,
                })),
            ];
        }
    }
};
const numberProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
    json.type = isInt ? "integer" : "number";
    // when both minimum and exclusiveMinimum exist, pick the more restrictive one
    const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
    const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
    const legacy = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
    if (exMin) {
        if (legacy) {
            json.minimum = exclusiveMinimum;
            json.exclusiveMinimum = true;
        }
        else {
            json.exclusiveMinimum = exclusiveMinimum;
        }
    }
    else if (typeof minimum === "number") {
        json.minimum = minimum;
    }
    if (exMax) {
        if (legacy) {
            json.maximum = exclusiveMaximum;
            json.exclusiveMaximum = true;
        }
        else {
            json.exclusiveMaximum = exclusiveMaximum;
        }
    }
    else if (typeof maximum === "number") {
        json.maximum = maximum;
    }
    if (multipleOf) {
        // JSON Schema requires a divisor strictly greater than zero, and a non-finite one does not survive JSON at all. A negative divisor accepts exactly what its absolute value accepts, so it still maps; zero, NaN and Infinity have no keyword form.
        const divisors = new Set();
        for (const divisor of multipleOf) {
            if (Number.isFinite(divisor) && divisor !== 0)
                divisors.add(Math.abs(divisor));
            else
                handleUnrepresentable(schema, ctx, json, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
        }
        // chained divisors are a conjunction the keyword cannot carry alone, so extras ride an allOf, same as stacked patterns
        const [first, ...rest] = divisors;
        if (first !== undefined)
            json.multipleOf = first;
        if (rest.length)
            json.allOf = [...(json.allOf ?? []), ...rest.map((m) => ({ multipleOf: m }))];
    }
};
const booleanProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const bigintProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "BigInt cannot be represented in JSON Schema");
};
const symbolProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Symbols cannot be represented in JSON Schema");
};
const nullProcessor = (_schema, ctx, json, _params) => {
    if (ctx.target === "openapi-3.0") {
        json.type = "string";
        json.nullable = true;
        json.enum = [null];
    }
    else {
        json.type = "null";
    }
};
const undefinedProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Undefined cannot be represented in JSON Schema");
};
const voidProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Void cannot be represented in JSON Schema");
};
const neverProcessor = (_schema, _ctx, json, _params) => {
    json.not = {};
};
const anyProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const unknownProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const dateProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Date cannot be represented in JSON Schema");
};
const enumProcessor = (schema, _ctx, json, _params) => {
    const def = schema._zod.def;
    const values = getEnumValues(def.entries);
    // an empty enum accepts nothing, same as z.never()
    if (values.length === 0) {
        json.not = {};
        return;
    }
    // Number enums can have both string and number values
    if (values.every((v) => typeof v === "number"))
        json.type = "number";
    if (values.every((v) => typeof v === "string"))
        json.type = "string";
    json.enum = values;
};
const literalProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // a literal with no values accepts nothing, same as z.never()
    if (def.values.length === 0) {
        json.not = {};
        return;
    }
    const vals = [];
    for (const val of def.values) {
        if (val === undefined) {
            // a custom schema replaces the whole literal, so there is nothing left to accumulate
            if (handleUnrepresentable(schema, ctx, json, params, "Literal `undefined` cannot be represented in JSON Schema"))
                return;
            // otherwise do not add to vals
        }
        else if (typeof val === "bigint") {
            if (handleUnrepresentable(schema, ctx, json, params, "BigInt literals cannot be represented in JSON Schema"))
                return;
            vals.push(Number(val));
        }
        else {
            vals.push(val);
        }
    }
    if (vals.length === 0) {
        // do nothing (an undefined literal was stripped)
    }
    else if (vals.length === 1) {
        const val = vals[0];
        json.type = val === null ? "null" : typeof val;
        if (ctx.target === "draft-04" || ctx.target === "openapi-3.0") {
            json.enum = [val];
        }
        else {
            json.const = val;
        }
    }
    else {
        if (vals.every((v) => typeof v === "number"))
            json.type = "number";
        if (vals.every((v) => typeof v === "string"))
            json.type = "string";
        if (vals.every((v) => typeof v === "boolean"))
            json.type = "boolean";
        if (vals.every((v) => v === null))
            json.type = "null";
        json.enum = vals;
    }
};
const nanProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "NaN cannot be represented in JSON Schema");
};
const templateLiteralProcessor = (schema, _ctx, json, _params) => {
    const _json = json;
    const pattern = schema._zod.pattern;
    if (!pattern)
        throw new Error("Pattern not found in template literal");
    _json.type = "string";
    _json.pattern = pattern.source;
};
const fileProcessor = (schema, _ctx, json, _params) => {
    const _json = json;
    _json.type = "string";
    _json.format = "binary";
    _json.contentEncoding = "binary";
    const { minimum, maximum, mime } = aggregateChecks(schema);
    if (minimum !== undefined)
        _json.minLength = minimum;
    if (maximum !== undefined)
        _json.maxLength = maximum;
    if (!mime)
        return;
    // an empty intersection means the mime checks share no value, so nothing passes at runtime; `anyOf` must be non-empty, so the false schema is `not: {}`
    if (mime.length === 0)
        _json.not = {};
    else if (mime.length === 1)
        _json.contentMediaType = mime[0];
    // only contentMediaType differs, so the shared props stay at the root
    else
        _json.anyOf = mime.map((m) => ({ contentMediaType: m }));
};
const successProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const customProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Custom types cannot be represented in JSON Schema");
};
const functionProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Function types cannot be represented in JSON Schema");
};
const transformProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Transforms cannot be represented in JSON Schema");
};
const mapProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Map cannot be represented in JSON Schema");
};
const setProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Set cannot be represented in JSON Schema");
};
// ==================== COMPOSITE TYPE PROCESSORS ====================
const arrayProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
    json.type = "array";
    json.items = to_json_schema_processSchema(def.element, ctx, {
        ...params,
        path: [...params.path, "items"],
    });
};
// Transform and catch set `optin = "optional"` at runtime so the parser lets them observe an
// absent key, but their declared input type stays required. An input JSON Schema describes the
// declared type, so resolve past them to the schema that actually carries the optionality.
// Used by both `objectProcessor` (for `required`) and `tupleProcessor` (for `minItems`); see
// wiki/optionality.md, "The JSON Schema emitter reads the *static* value".
function inputOptin(schema) {
    const def = schema._zod.def;
    if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
        return inputOptin(def.out);
    }
    if (def.type === "catch") {
        return inputOptin(def.innerType);
    }
    return schema._zod.optin;
}
const objectProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const shape = def.shape;
    // dropping it while still emitting `additionalProperties: false` would emit a schema that rejects data this one requires
    const symbolKeys = Object.getOwnPropertySymbols(shape);
    if (symbolKeys.length &&
        handleUnrepresentable(schema, ctx, json, params, "Symbol keys cannot be represented in JSON Schema")) {
        return;
    }
    json.type = "object";
    json.properties = {};
    for (const key in shape) {
        // assignProp so a __proto__ key becomes an own property instead of hitting the inherited setter on the plain {} we build into
        util_assignProp(json.properties, key, to_json_schema_processSchema(shape[key], ctx, {
            ...params,
            path: [...params.path, "properties", key],
        }));
    }
    // required keys
    const requiredKeys = [];
    for (const key of Object.keys(shape)) {
        const field = def.shape[key];
        if (ctx.io === "input" ? inputOptin(field) === undefined : field._zod.optout === undefined) {
            requiredKeys.push(key);
        }
    }
    if (requiredKeys.length > 0) {
        json.required = requiredKeys;
    }
    // catchall
    if (def.catchall?._zod.def.type === "never") {
        // strict
        json.additionalProperties = false;
    }
    else if (!def.catchall) {
        // regular
        if (ctx.io === "output")
            json.additionalProperties = false;
    }
    else if (def.catchall) {
        json.additionalProperties = to_json_schema_processSchema(def.catchall, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
};
const unionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // Exclusive unions (inclusive === false) use oneOf (exactly one match) instead of anyOf (one or more matches). This includes both z.xor() and discriminated unions
    const isExclusive = def.inclusive === false;
    const options = def.options.map((x, i) => to_json_schema_processSchema(x, ctx, {
        ...params,
        path: [...params.path, isExclusive ? "oneOf" : "anyOf", i],
    }));
    if (isExclusive) {
        json.oneOf = options;
    }
    else {
        json.anyOf = options;
    }
};
const intersectionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const a = to_json_schema_processSchema(def.left, ctx, {
        ...params,
        path: [...params.path, "allOf", 0],
    });
    const b = to_json_schema_processSchema(def.right, ctx, {
        ...params,
        path: [...params.path, "allOf", 1],
    });
    const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
    const allOf = [
        ...(isSimpleIntersection(a) ? a.allOf : [a]),
        ...(isSimpleIntersection(b) ? b.allOf : [b]),
    ];
    json.allOf = allOf;
    // Recorded innermost first, so a nested intersection has already folded by the time this one is considered. The array is the handle rather than the schema, because a wrapper that inherits this schema shares the same array; `finalize` folds every object holding it. See `foldIntersection`.
    ctx.intersections.push(allOf);
};
const tupleProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "array";
    const prefixPath = ctx.target === "draft-2020-12" ? "prefixItems" : "items";
    const restPath = ctx.target === "draft-2020-12" ? "items" : ctx.target === "openapi-3.0" ? "items" : "additionalItems";
    const prefixItems = def.items.map((x, i) => to_json_schema_processSchema(x, ctx, {
        ...params,
        path: [...params.path, prefixPath, i],
    }));
    const rest = def.rest
        ? to_json_schema_processSchema(def.rest, ctx, {
            ...params,
            path: [...params.path, restPath, ...(ctx.target === "openapi-3.0" ? [def.items.length] : [])],
        })
        : null;
    let minItems = def.items.length;
    while (minItems > 0) {
        const item = def.items[minItems - 1];
        const optional = ctx.io === "input" ? inputOptin(item) !== undefined : item._zod.optout === "optional";
        if (!optional)
            break;
        minItems--;
    }
    const maxItems = def.items.length;
    const isClosed = !def.rest;
    if (ctx.target === "draft-2020-12") {
        json.prefixItems = prefixItems;
        if (isClosed) {
            json.items = false;
        }
        else if (rest) {
            json.items = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else if (ctx.target === "openapi-3.0") {
        json.items = {
            anyOf: prefixItems,
        };
        if (rest) {
            json.items.anyOf.push(rest);
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else {
        json.items = prefixItems;
        if (isClosed) {
            json.additionalItems = false;
        }
        else if (rest) {
            json.additionalItems = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    // explicit user-defined length checks take precedence
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
};
/** JSON object keys are always strings, so a numeric record key schema is re-expressed over the
 * numeric-string form the record parser matches. Deferred to `finalize`, after the flatten: a key
 * behind a wrapper only carries its own `type` before then, and a union key only has its branches.
 *
 * A numeric bound cannot apply to a property name, so `minimum` and its siblings are dropped rather
 * than carried over: keeping them beside `type: "string"` reproduces the match-nothing schema this
 * exists to fix. A key that carries one therefore emits wider than the record parses — `z.record(z.number().min(5), V)`
 * accepts `"3"` — which is the deliberate trade, since throwing on it would reject an ordinary schema
 * outright. */
function stringifyKeyNames(bySchema, json, visited) {
    // an extracted key that rewrites cannot go on sharing its definition — the string form a key position needs is not the number form every other reference wants — so it inlines. One that does not rewrite keeps the `$ref`.
    if (json.$ref) {
        // a recursive key holds its own reference inside its definition, so a node already on the path is left alone rather than resolved again
        if (visited.has(json))
            return json;
        visited.add(json);
        const def = bySchema.get(json)?.def;
        if (!def)
            return json;
        const inlined = stringifyKeyNames(bySchema, def, visited);
        return inlined === def ? json : inlined;
    }
    for (const keyword of ["anyOf", "oneOf"]) {
        const branches = json[keyword];
        if (!Array.isArray(branches))
            continue;
        const mapped = branches.map((branch) => stringifyKeyNames(bySchema, branch, visited));
        // rebuilding regardless would detach a key that had nothing to re-express, dropping its `$ref` and leaking the internal `id`
        if (mapped.some((branch, i) => branch !== branches[i]))
            json = { ...json, [keyword]: mapped };
    }
    // a member that already admits a string leaves the key unconstrained, so the node's own type re-expresses only when every member is numeric
    const types = Array.isArray(json.type) ? json.type : [json.type];
    const numericType = !types.includes("string") && types.some((t) => t === "number" || t === "integer");
    // a heterogeneous key carries no type at all, so its numeric members are caught here instead
    const values = json.enum ?? (json.const !== undefined ? [json.const] : undefined);
    if (!numericType && !values?.some((v) => typeof v === "number"))
        return json;
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format, id, ...rest } = json;
    if (rest.enum)
        rest.enum = rest.enum.map((v) => (typeof v === "number" ? String(v) : v));
    else if (typeof rest.const === "number")
        rest.const = String(rest.const);
    // a heterogeneous key keeps its absent type: the stringified members already say what a key may be
    if (!numericType)
        return rest;
    rest.type = "string";
    if (!values)
        rest.pattern = (types.includes("number") ? number : integer).source;
    return rest;
}
/** Every record of one conversion, so the carriers are found in a single pass rather than once per record. */
const pendingRecords = new WeakMap();
function rewriteKeyNames(ctx) {
    // an extracted key is resolved by the object `extractToDef` left in its place, so the map is built once rather than searched per reference. `_zod.toJSONSchema` can hand the same object to two schemas, so the first entry carrying a body wins, as a search would have found it.
    const bySchema = new Map();
    for (const entry of ctx.seen.values()) {
        if (entry.def && !bySchema.has(entry.schema))
            bySchema.set(entry.schema, entry);
    }
    const rewrites = new Map();
    for (const record of pendingRecords.get(ctx) ?? []) {
        const seen = ctx.seen.get(record);
        const names = (seen?.def ?? seen?.schema)?.propertyNames;
        if (!names || names === true || rewrites.has(names))
            continue;
        const rewritten = stringifyKeyNames(bySchema, names, new Set());
        if (rewritten !== names)
            rewrites.set(names, rewritten);
    }
    if (!rewrites.size)
        return;
    // the flatten has already copied each record's own properties onto every wrapper by reference, and an extracted body is another such copy, so every carrier holding a rewritten key is updated together
    for (const entry of ctx.seen.values()) {
        for (const carrier of [entry.schema, entry.def]) {
            const rewritten = carrier && rewrites.get(carrier.propertyNames);
            if (rewritten)
                carrier.propertyNames = rewritten;
        }
    }
}
const recordProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "object";
    // For looseRecord with regex patterns, use patternProperties. This correctly represents "only validate keys matching the pattern" semantics and composes well with allOf (intersections)
    const keyType = def.keyType;
    const patterns = aggregateChecks(keyType).patterns;
    if (def.mode === "loose" && patterns && patterns.size > 0) {
        // Use patternProperties for looseRecord with regex patterns
        const valueSchema = to_json_schema_processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "patternProperties", "*"],
        });
        json.patternProperties = {};
        for (const pattern of patterns) {
            util_assignProp(json.patternProperties, exactPattern(pattern).source, valueSchema);
        }
    }
    else {
        // Default behavior: use propertyNames + additionalProperties
        if (ctx.target === "draft-07" || ctx.target === "draft-2020-12") {
            json.propertyNames = to_json_schema_processSchema(def.keyType, ctx, {
                ...params,
                path: [...params.path, "propertyNames"],
            });
            let pending = pendingRecords.get(ctx);
            if (!pending) {
                pending = [];
                pendingRecords.set(ctx, pending);
                ctx.deferred.push(() => rewriteKeyNames(ctx));
            }
            pending.push(schema);
        }
        json.additionalProperties = to_json_schema_processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
    // Add required for keys with discrete values (enum, literal, etc.)
    const keyValues = keyType._zod.values;
    // Every key shares one value schema, so an optional-in value makes the whole key set omittable on input. Output keeps them: the exhaustive branch assigns every key, even one whose value came back undefined.
    const omittableOnInput = ctx.io === "input" && inputOptin(def.valueType) !== undefined;
    if (keyValues && !def.partial && !omittableOnInput) {
        const validKeyValues = [...keyValues].filter((v) => typeof v === "string" || typeof v === "number");
        if (validKeyValues.length > 0) {
            json.required = validKeyValues.map(String);
        }
    }
};
const nullableProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const inner = to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    if (ctx.target === "openapi-3.0") {
        seen.ref = def.innerType;
        json.nullable = true;
    }
    else {
        json.anyOf = [inner, { type: "null" }];
    }
};
const nonoptionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
/** Round-trips a default value through JSON so the emitted schema is guaranteed to be valid JSON.
 * A BigInt has no reliable encoding, so it goes through `unrepresentable` like any other
 * unrepresentable value. Returns a sentinel when the caller must not write a default of its own. */
const UNREPRESENTABLE_DEFAULT = Symbol();
function serializeDefaultValue(value, schema, ctx, json, params) {
    let unrepresentable = false;
    const serialized = JSON.stringify(value, (_, val) => {
        if (typeof val !== "bigint")
            return val;
        unrepresentable = true;
        return null;
    });
    if (!unrepresentable)
        return JSON.parse(serialized);
    handleUnrepresentable(schema, ctx, json, params, "BigInt defaults cannot be represented in JSON Schema");
    return UNREPRESENTABLE_DEFAULT;
}
const defaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json.default = value;
};
const prefaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    if (ctx.io !== "input")
        return;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json._prefault = value;
};
const catchProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    let catchValue;
    try {
        catchValue = def.catchValue(undefined);
    }
    catch {
        handleUnrepresentable(schema, ctx, json, params, "Dynamic catch values are not supported in JSON Schema");
        return;
    }
    json.default = catchValue;
};
const pipeProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    const inIsTransform = def.in._zod.traits.has("$ZodTransform");
    const innerType = ctx.io === "input" ? (inIsTransform ? def.out : def.in) : def.out;
    to_json_schema_processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
const readonlyProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    json.readOnly = true;
};
const promiseProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
const optionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    to_json_schema_processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
const lazyProcessor = (schema, ctx, _json, params) => {
    const innerType = schema._zod.innerType;
    to_json_schema_processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
// ==================== ALL PROCESSORS ====================
const allProcessors = {
    string: stringProcessor,
    number: numberProcessor,
    boolean: booleanProcessor,
    bigint: bigintProcessor,
    symbol: symbolProcessor,
    null: nullProcessor,
    undefined: undefinedProcessor,
    void: voidProcessor,
    never: neverProcessor,
    any: anyProcessor,
    unknown: unknownProcessor,
    date: dateProcessor,
    enum: enumProcessor,
    literal: literalProcessor,
    nan: nanProcessor,
    template_literal: templateLiteralProcessor,
    file: fileProcessor,
    success: successProcessor,
    custom: customProcessor,
    function: functionProcessor,
    transform: transformProcessor,
    map: mapProcessor,
    set: setProcessor,
    array: arrayProcessor,
    object: objectProcessor,
    union: unionProcessor,
    intersection: intersectionProcessor,
    tuple: tupleProcessor,
    record: recordProcessor,
    nullable: nullableProcessor,
    nonoptional: nonoptionalProcessor,
    default: defaultProcessor,
    prefault: prefaultProcessor,
    catch: catchProcessor,
    pipe: pipeProcessor,
    readonly: readonlyProcessor,
    promise: promiseProcessor,
    optional: optionalProcessor,
    lazy: lazyProcessor,
};
function toJSONSchema(input, params) {
    if ("_idmap" in input) {
        // Registry case
        const registry = input;
        const ctx = initializeContext({ ...params, processors: allProcessors });
        const defs = {};
        // First pass: process all schemas to build the seen map
        for (const entry of registry._idmap.entries()) {
            const [_, schema] = entry;
            processSchema(schema, ctx);
        }
        const schemas = {};
        const external = {
            registry,
            uri: params?.uri,
            defs,
        };
        // Update the context with external configuration
        ctx.external = external;
        // Second pass: emit each schema
        for (const entry of registry._idmap.entries()) {
            const [key, schema] = entry;
            extractDefs(ctx, schema);
            assignProp(schemas, key, finalize(ctx, schema));
        }
        if (Object.keys(defs).length > 0) {
            const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
            schemas.__shared = {
                [defsSegment]: defs,
            };
        }
        return { schemas };
    }
    // Single schema case
    const ctx = initializeContext({ ...params, processors: allProcessors });
    processSchema(input, ctx);
    extractDefs(ctx, input);
    return finalize(ctx, input);
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/locales/en.js

const error = () => {
    const Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" },
    };
    function getSizing(origin) {
        return Sizable[origin] ?? null;
    }
    const FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input",
    };
    // type names: missing keys = do not translate (use raw value via ?? fallback)
    const TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN",
        // All other type names omitted - they fall back to raw values via ?? operator
    };
    function getTypeName(type, input) {
        if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
            return String(input);
        }
        return TypeDictionary[type] ?? type;
    }
    return (issue) => {
        switch (issue.code) {
            case "invalid_type": {
                const expected = getTypeName(issue.expected);
                const receivedType = parsedType(issue.input);
                const received = getTypeName(receivedType, issue.input);
                return `Invalid input: expected ${expected}, received ${received}`;
            }
            case "invalid_value":
                if (issue.values.length === 1)
                    return `Invalid input: expected ${stringifyPrimitive(issue.values[0])}`;
                return `Invalid option: expected one of ${joinValues(issue.values, "|")}`;
            case "too_big": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
                const sizing = getSizing(issue.origin);
                if (sizing)
                    return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
                return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
            }
            case "too_small": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
                const sizing = getSizing(issue.origin);
                if (sizing) {
                    return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
                }
                return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
            }
            case "invalid_format": {
                const _issue = issue;
                if (_issue.format === "starts_with") {
                    return `Invalid string: must start with "${_issue.prefix}"`;
                }
                if (_issue.format === "ends_with")
                    return `Invalid string: must end with "${_issue.suffix}"`;
                if (_issue.format === "includes")
                    return `Invalid string: must include "${_issue.includes}"`;
                if (_issue.format === "regex")
                    return `Invalid string: must match pattern ${_issue.pattern}`;
                return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
            }
            case "not_multiple_of":
                return `Invalid number: must be a multiple of ${issue.divisor}`;
            case "unrecognized_keys":
                return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${joinValues(issue.keys, ", ")}`;
            case "invalid_key":
                return `Invalid key in ${issue.origin}`;
            case "invalid_union":
                if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) {
                    const opts = issue.options.map((o) => `'${o}'`).join(" | ");
                    return `Invalid discriminator value. Expected ${opts}`;
                }
                if (issue.inclusive === false) {
                    return "Invalid input: more than one option matched";
                }
                return "Invalid input";
            case "invalid_element":
                return `Invalid value in ${issue.origin}`;
            default:
                return `Invalid input`;
        }
    };
};
/* harmony default export */ function en() {
    return {
        localeError: error(),
    };
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/errors.js


/* Computing the message eagerly is expensive (pretty-printed JSON of all
 * issues), so defer it until first read. The accessor functions and
 * descriptors are shared across instances to keep error construction
 * cheap; the computed message is cached on the internals object. The
 * setter preserves plain assignment semantics for consumers that
 * overwrite `message`. */
function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
    return internals.message;
}
function _setMessage(value) {
    this._zod.message = value;
}
const _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true,
};
const _issuesDesc = { value: undefined, enumerable: false };
/* Prototypes that already carry the lazy `toString`. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer = (inst, def) => {
    inst.name = "$ZodError";
    // `_zod` is already non-enumerable: $constructor's init defined it with this same descriptor
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    // Clear the shared slot; a retained `value` pins the last error's issues.
    _issuesDesc.value = undefined;
    Object.defineProperty(inst, "message", _messageDesc);
    /* `toString` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
};
const $ZodError = $constructor("$ZodError", initializer);
const $ZodRealError = $constructor("$ZodError", initializer, undefined, {
    Parent: Error,
});
/** Get-or-create `obj[key]` as an own data property. A path segment naming an inherited member
 * ("toString", "constructor") would otherwise read through to the prototype, and assigning
 * "__proto__" would hit the setter instead of creating a key. */
function node(obj, key, make) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
        if (key === "__proto__") {
            Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
        }
        else {
            obj[key] = make();
        }
    }
    return obj[key];
}
function flattenError(error, mapper = (issue) => issue.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of error.issues) {
        if (sub.path.length > 0) {
            node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
        }
        else {
            formErrors.push(mapper(sub));
        }
    }
    return { formErrors, fieldErrors };
}
function formatError(error, mapper = (issue) => issue.message) {
    const fieldErrors = { _errors: [] };
    const processError = (error, path = []) => {
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    fieldErrors._errors.push(mapper(issue));
                }
                else {
                    let curr = fieldErrors;
                    let i = 0;
                    while (i < fullpath.length) {
                        const el = fullpath[i];
                        const terminal = i === fullpath.length - 1;
                        // `_errors` is reserved by this legacy format, so merge a matching path segment into the current node instead of treating its array as a child.
                        if (el === "_errors") {
                            if (terminal)
                                curr._errors.push(mapper(issue));
                            i++;
                            continue;
                        }
                        // A path element may collide with an inherited property name such as
                        // "__proto__" or "constructor". Truthiness checks read the prototype
                        // (so no node is created, then ._errors.push throws), and bracket
                        // assignment of "__proto__" hits the setter instead of creating an
                        // own key. Guard the read with hasOwnProperty and create the node
                        // with defineProperty so any path element becomes a real own key.
                        if (!Object.prototype.hasOwnProperty.call(curr, el)) {
                            Object.defineProperty(curr, el, {
                                value: { _errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        const node = curr[el];
                        if (terminal) {
                            node._errors.push(mapper(issue));
                        }
                        curr = node;
                        i++;
                    }
                }
            }
        }
    };
    processError(error);
    return fieldErrors;
}
function treeifyError(error, mapper = (issue) => issue.message) {
    const result = { errors: [] };
    const processError = (error, path = []) => {
        var _a;
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                // regular union error
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    result.errors.push(mapper(issue));
                    continue;
                }
                let curr = result;
                let i = 0;
                while (i < fullpath.length) {
                    const el = fullpath[i];
                    const terminal = i === fullpath.length - 1;
                    if (typeof el === "string") {
                        curr.properties ?? (curr.properties = {});
                        // el may collide with an inherited property name ("__proto__",
                        // "constructor", ...); ??= reads the prototype so the node is never
                        // created and curr.errors.push throws. Guard with hasOwnProperty and
                        // create the node with defineProperty so "__proto__" becomes a real
                        // own key rather than invoking the prototype setter.
                        if (!Object.prototype.hasOwnProperty.call(curr.properties, el)) {
                            Object.defineProperty(curr.properties, el, {
                                value: { errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        curr = curr.properties[el];
                    }
                    else {
                        curr.items ?? (curr.items = []);
                        (_a = curr.items)[el] ?? (_a[el] = { errors: [] });
                        curr = curr.items[el];
                    }
                    if (terminal) {
                        curr.errors.push(mapper(issue));
                    }
                    i++;
                }
            }
        }
    };
    processError(error);
    return result;
}
/** Format a ZodError as a human-readable string in the following form.
 *
 * From
 *
 * ```ts
 * ZodError {
 *   issues: [
 *     {
 *       expected: 'string',
 *       code: 'invalid_type',
 *       path: [ 'username' ],
 *       message: 'Invalid input: expected string'
 *     },
 *     {
 *       expected: 'number',
 *       code: 'invalid_type',
 *       path: [ 'favoriteNumbers', 1 ],
 *       message: 'Invalid input: expected number'
 *     }
 *   ];
 * }
 * ```
 *
 * to
 *
 * ```
 * username
 *   ✖ Expected number, received string at "username
 * favoriteNumbers[0]
 *   ✖ Invalid input: expected number
 * ```
 */
function toDotPath(_path) {
    const segs = [];
    const path = _path.map((seg) => (typeof seg === "object" ? seg.key : seg));
    for (const seg of path) {
        if (typeof seg === "number")
            segs.push(`[${seg}]`);
        else if (typeof seg === "symbol")
            segs.push(`[${JSON.stringify(String(seg))}]`);
        else if (/[^\w$]/.test(seg))
            segs.push(`[${JSON.stringify(seg)}]`);
        else {
            if (segs.length)
                segs.push(".");
            segs.push(seg);
        }
    }
    return segs.join("");
}
function prettifyError(error) {
    const lines = [];
    // sort by path length
    const issues = [...error.issues].sort((a, b) => (a.path ?? []).length - (b.path ?? []).length);
    // Process each issue
    for (const issue of issues) {
        lines.push(`✖ ${issue.message}`);
        if (issue.path?.length)
            lines.push(`  → at ${toDotPath(issue.path)}`);
    }
    // Convert Map to formatted string
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./node_modules/zod/v4/core/parse.js



// Always both keys, so the `_params` read site in `_parse` sees one object shape rather than two.
function finalizeParams(callee, params) {
    return { callee: params?.callee ?? callee, Err: params?.Err };
}
const _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
            throw new $ZodAsyncError();
        }
        if (result.issues.length) {
            const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, _params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parse = /* @__PURE__*/ _parse($ZodRealError);
const _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
            result = await result;
        if (result.issues.length) {
            const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const parse_parseAsync = /* @__PURE__*/ _parseAsync($ZodRealError);
const _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParse = /* @__PURE__*/ _safeParse($ZodRealError);
// the error is built on the first read of `error`: finalizing the issues and constructing the instance is most of a failing parse, and a caller that only branches on `success` never pays it. a getter in the literal keeps this small; the alternative, one shared accessor descriptor plus a hidden state slot, reads ~15% faster but costs ~75 B gzipped in every bundle
function failure(Err, issues, ctx) {
    let error;
    return {
        success: false,
        get error() {
            if (!error) {
                error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
                // finalizeIssue drops `input`, so the built error holds nothing; keeping the raw issues past this point pins the parsed value for the life of the result
                issues = undefined;
                ctx = undefined;
            }
            return error;
        },
        set error(e) {
            error = e;
            // a replacement makes the getter's branch unreachable, so the captures have to go here too
            issues = undefined;
            ctx = undefined;
        },
    };
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
const safeParseAsync = /* @__PURE__*/ _safeParseAsync($ZodRealError);
// registry mirrors of the compiler's sentinels, so this module never imports the compiler
const COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
const COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
// Deliberately tiny, because v8 will not inline a body carrying the fallback's object literals and throw. Everything that is not the compiled happy path lives in validateFallback, and that split is worth ~35% on a compiled schema.
const validate = ((schema, value, _ctx) => {
    const validator = schema._zod.bag.validator;
    if (validator !== undefined) {
        if (validator(value) !== COMPILE_INVALID)
            return true;
        // a definite sentinel means the runtime would reject, so skip the re-parse; a ctx can still change the answer
        if (validator.definite === true && _ctx === undefined)
            return false;
    }
    return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
    const ctx = _ctx
        ? { ..._ctx, async: false, abortEarly: true }
        : { async: false, abortEarly: true };
    const fallbackRun = schema._zod.bag.fallbackRun;
    let result;
    if (fallbackRun) {
        // skip nested fast paths on the fallback, so user callbacks keep the at-most-twice bound
        ctx[COMPILE_FALLBACK] = true;
        result = fallbackRun({ value, issues: [] }, ctx);
    }
    else {
        result = schema._zod.run({ value, issues: [] }, ctx);
    }
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length === 0;
}
// no fast path: the compiler keeps async parses on the runtime, because a promise-returning callback that is not declared async compiles to a throw
const parse_validateAsync = async (schema, value, _ctx) => {
    const ctx = _ctx
        ? { ..._ctx, async: true, abortEarly: true }
        : { async: true, abortEarly: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length === 0;
};
const _encode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return parse(schema, value, ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const encode = /* @__PURE__*/ _encode($ZodRealError);
const _decode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        return parse(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decode = /* @__PURE__*/ _decode($ZodRealError);
const _encodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return (await parseAsync(schema, value, ctx, finalizeParams(fn, _params)));
    };
    return fn;
};
const encodeAsync = /* @__PURE__*/ _encodeAsync($ZodRealError);
const _decodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        return await parseAsync(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const decodeAsync = /* @__PURE__*/ _decodeAsync($ZodRealError);
const _safeEncode = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParse(_Err)(schema, value, ctx);
};
const safeEncode = /* @__PURE__*/ _safeEncode($ZodRealError);
const _safeDecode = (_Err) => (schema, value, _ctx) => {
    return _safeParse(_Err)(schema, value, _ctx);
};
const safeDecode = /* @__PURE__*/ _safeDecode($ZodRealError);
const _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParseAsync(_Err)(schema, value, ctx);
};
const safeEncodeAsync = /* @__PURE__*/ _safeEncodeAsync($ZodRealError);
const _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
    return _safeParseAsync(_Err)(schema, value, _ctx);
};
const safeDecodeAsync = /* @__PURE__*/ _safeDecodeAsync($ZodRealError);

;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/errors.js



/* Prototypes that already carry the lazy helper methods. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
/* Helper methods live as non-enumerable lazy getters on the shared
 * prototype instead of own properties on every instance. On first
 * access the getter allocates the per-instance closure and caches it
 * as a non-enumerable own property, so detached usage still works and
 * the allocation only happens for methods actually touched. */
function _lazyMethod(proto, key, make) {
    Object.defineProperty(proto, key, {
        configurable: true,
        enumerable: false,
        get() {
            const value = make(this);
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
            return value;
        },
        set(value) {
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
        },
    });
}
const errors_initializer = (inst, issues) => {
    $ZodError.init(inst, issues);
    inst.name = "ZodError";
    const proto = Object.getPrototypeOf(inst);
    if (_installedErrorProtos.has(proto))
        return;
    _installedErrorProtos.add(proto);
    _lazyMethod(proto, "format", (self) => (mapper) => formatError(self, mapper));
    _lazyMethod(proto, "flatten", (self) => (mapper) => flattenError(self, mapper));
    _lazyMethod(proto, "addIssue", (self) => (issue) => {
        self.issues.push(issue);
        self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
    });
    _lazyMethod(proto, "addIssues", (self) => (issues) => {
        self.issues.push(...issues);
        self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
    });
    Object.defineProperty(proto, "isEmpty", {
        configurable: true,
        enumerable: false,
        get() {
            return this.issues.length === 0;
        },
    });
};
const ZodError = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodError", errors_initializer)));
const ZodRealError = /*@__PURE__*/ $constructor("ZodError", errors_initializer, undefined, {
    Parent: Error,
});
// /** @deprecated Use `z.core.$ZodErrorMapCtx` instead. */
// export type ErrorMapCtx = core.$ZodErrorMapCtx;

;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/parse.js


const classic_parse_parse = /* @__PURE__ */ _parse(ZodRealError);
const classic_parse_parseAsync = /* @__PURE__ */ _parseAsync(ZodRealError);
const parse_safeParse = /* @__PURE__ */ _safeParse(ZodRealError);
const parse_safeParseAsync = /* @__PURE__ */ _safeParseAsync(ZodRealError);

// Codec functions
const parse_encode = /* @__PURE__ */ _encode(ZodRealError);
const parse_decode = /* @__PURE__ */ _decode(ZodRealError);
const parse_encodeAsync = /* @__PURE__ */ _encodeAsync(ZodRealError);
const parse_decodeAsync = /* @__PURE__ */ _decodeAsync(ZodRealError);
const parse_safeEncode = /* @__PURE__ */ _safeEncode(ZodRealError);
const parse_safeDecode = /* @__PURE__ */ _safeDecode(ZodRealError);
const parse_safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
const parse_safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);

;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/schemas.js








// Register English as the default locale on first ZodType construction. Hooked into the `ZodType` `$constructor` (rather than a top-level `config(en())` in `external.ts`) so bundlers honoring `sideEffects: false` can't tree-shake it out — see #5953, #5725. An explicit `z.config(z.locales.xx())` call wins regardless of order, since this only sets the default when none is present.
function _ensureDefaultLocale() {
    if (!globalConfig.localeError)
        config(en());
}
// the default memoizer is read by the core container init, which runs before `ZodType.init`, so each container calls this first
function _ensureDefaultMemoizer() {
    if (!globalConfig.memoizer)
        config({ memoizer: memoizer() });
}
const ZodType = /*@__PURE__*/ $constructor("ZodType", (inst, def) => {
    _ensureDefaultLocale();
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
    return inst;
}, {
    check(...chks) {
        const def = this.def;
        return this.clone(mergeDefs(def, {
            checks: [
                ...(def.checks ?? []),
                ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }), { parent: true });
    },
    with(...chks) {
        return this.check(...chks);
    },
    clone(def, params) {
        return clone(this, def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    refine(check, params) {
        return this.check(refine(check, params));
    },
    superRefine(refinement, params) {
        return this.check(superRefine(refinement, params));
    },
    overwrite(fn) {
        return this.check(_overwrite(fn));
    },
    optional() {
        return optional(this);
    },
    exactOptional() {
        return exactOptional(this);
    },
    nullable() {
        return nullable(this);
    },
    nullish() {
        return optional(nullable(this));
    },
    nonoptional(params) {
        return nonoptional(this, params);
    },
    array() {
        return array(this);
    },
    or(arg) {
        return union([this, arg]);
    },
    and(arg) {
        return intersection(this, arg);
    },
    transform(tx) {
        return pipe(this, transform(tx));
    },
    default(d) {
        return schemas_default(this, d);
    },
    prefault(d) {
        return prefault(this, d);
    },
    catch(params) {
        return schemas_catch(this, params);
    },
    pipe(target) {
        return pipe(this, target);
    },
    readonly() {
        return readonly(this);
    },
    describe(description) {
        const cl = this.clone();
        globalRegistry.add(cl, { description });
        return cl;
    },
    meta(...args) {
        // overloaded: meta() returns the registered metadata, meta(data) returns a clone with `data` registered. The mapped type picks up the second overload, so we accept variadic any-args and return `any` to satisfy both at runtime.
        if (args.length === 0)
            return globalRegistry.get(this);
        const cl = this.clone();
        globalRegistry.add(cl, args[0]);
        return cl;
    },
    isOptional() {
        return this.safeParse(undefined).success;
    },
    isNullable() {
        return this.safeParse(null).success;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
    // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
    get "~standard"() {
        return hide(this, "~standard", {
            ...standardProps(this),
            jsonSchema: {
                input: createStandardJSONSchemaMethod(this, "input"),
                output: createStandardJSONSchemaMethod(this, "output"),
            },
        });
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
    parse: function _parse(data, params) {
        return classic_parse_parse(this, data, params, { callee: _parse });
    },
    parseAsync: async function _parseAsync(data, params) {
        return await classic_parse_parseAsync(this, data, params, { callee: _parseAsync });
    },
    safeParse(data, params) {
        return parse_safeParse(this, data, params);
    },
    async safeParseAsync(data, params) {
        return parse_safeParseAsync(this, data, params);
    },
    // `spa` is an alias: same function object as `safeParseAsync`, as before.
    get spa() {
        return this?.safeParseAsync;
    },
    set spa(value) {
        own(this, "spa", value);
    },
    validate(data, params) {
        return validate(this, data, params);
    },
    validateAsync(data, params) {
        return parse_validateAsync(this, data, params);
    },
    encode: function _encode(data, params) {
        return parse_encode(this, data, params, { callee: _encode });
    },
    decode: function _decode(data, params) {
        return parse_decode(this, data, params, { callee: _decode });
    },
    encodeAsync: async function _encodeAsync(data, params) {
        return await parse_encodeAsync(this, data, params, { callee: _encodeAsync });
    },
    decodeAsync: async function _decodeAsync(data, params) {
        return await parse_decodeAsync(this, data, params, { callee: _decodeAsync });
    },
    safeEncode(data, params) {
        return parse_safeEncode(this, data, params);
    },
    safeDecode(data, params) {
        return parse_safeDecode(this, data, params);
    },
    async safeEncodeAsync(data, params) {
        return parse_safeEncodeAsync(this, data, params);
    },
    async safeDecodeAsync(data, params) {
        return parse_safeDecodeAsync(this, data, params);
    },
    toJSONSchema(params) {
        return createToJSONSchemaMethod(this, {})(params);
    },
    // Reads through to the registry on every access, so it must not cache.
    get description() {
        return globalRegistry.get(this)?.description;
    },
    // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
    get _def() {
        return this._zod.def;
    },
});
/** @internal */
const _ZodString = /*@__PURE__*/ $constructor("_ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => stringProcessor(inst, ctx, json, params);
}, 
/*@__PURE__*/ derived({
    format: (inst) => aggregateChecks(inst).format ?? null,
    minLength: (inst) => aggregateChecks(inst).minimum ?? null,
    maxLength: (inst) => aggregateChecks(inst).maximum ?? null,
}, {
    regex(...args) {
        return this.check(_regex(...args));
    },
    includes(...args) {
        return this.check(_includes(...args));
    },
    startsWith(...args) {
        return this.check(_startsWith(...args));
    },
    endsWith(...args) {
        return this.check(_endsWith(...args));
    },
    min(...args) {
        return this.check(_minLength(...args));
    },
    max(...args) {
        return this.check(_maxLength(...args));
    },
    length(...args) {
        return this.check(_length(...args));
    },
    nonempty(...args) {
        return this.check(_minLength(1, ...args));
    },
    lowercase(params) {
        return this.check(_lowercase(params));
    },
    uppercase(params) {
        return this.check(_uppercase(params));
    },
    trim() {
        return this.check(_trim());
    },
    normalize(...args) {
        return this.check(_normalize(...args));
    },
    toLowerCase() {
        return this.check(_toLowerCase());
    },
    toUpperCase() {
        return this.check(_toUpperCase());
    },
    slugify() {
        return this.check(_slugify());
    },
}));
const ZodString = /*@__PURE__*/ $constructor("ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    _ZodString.init(inst, def);
}, {
    email(params) {
        return this.check(_email(ZodEmail, params));
    },
    url(params) {
        return this.check(_url(ZodURL, params));
    },
    jwt(params) {
        return this.check(_jwt(ZodJWT, params));
    },
    emoji(params) {
        return this.check(api_emoji(ZodEmoji, params));
    },
    guid(params) {
        return this.check(_guid(ZodGUID, params));
    },
    uuid(params) {
        return this.check(_uuid(ZodUUID, params));
    },
    uuidv4(params) {
        return this.check(_uuidv4(ZodUUID, params));
    },
    uuidv6(params) {
        return this.check(_uuidv6(ZodUUID, params));
    },
    uuidv7(params) {
        return this.check(_uuidv7(ZodUUID, params));
    },
    nanoid(params) {
        return this.check(_nanoid(ZodNanoID, params));
    },
    cuid(params) {
        return this.check(_cuid(ZodCUID, params));
    },
    cuid2(params) {
        return this.check(_cuid2(ZodCUID2, params));
    },
    ulid(params) {
        return this.check(_ulid(ZodULID, params));
    },
    base64(params) {
        return this.check(_base64(ZodBase64, params));
    },
    base64url(params) {
        return this.check(_base64url(ZodBase64URL, params));
    },
    xid(params) {
        return this.check(_xid(ZodXID, params));
    },
    ksuid(params) {
        return this.check(_ksuid(ZodKSUID, params));
    },
    ipv4(params) {
        return this.check(_ipv4(ZodIPv4, params));
    },
    ipv6(params) {
        return this.check(_ipv6(ZodIPv6, params));
    },
    cidrv4(params) {
        return this.check(_cidrv4(ZodCIDRv4, params));
    },
    cidrv6(params) {
        return this.check(_cidrv6(ZodCIDRv6, params));
    },
    e164(params) {
        return this.check(_e164(ZodE164, params));
    },
    datetime(params) {
        return this.check(_isoDateTime(ZodISODateTime, params));
    },
    date(params) {
        return this.check(_isoDate(ZodISODate, params));
    },
    time(params) {
        return this.check(_isoTime(ZodISOTime, params));
    },
    duration(params) {
        return this.check(_isoDuration(ZodISODuration, params));
    },
});
function schemas_string(params) {
    return _string(ZodString, params);
}
const ZodStringFormat = /*@__PURE__*/ $constructor("ZodStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    _ZodString.init(inst, def);
});
const ZodISODateTime = /*@__PURE__*/ $constructor("ZodISODateTime", (inst, def) => {
    $ZodISODateTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODate = /*@__PURE__*/ $constructor("ZodISODate", (inst, def) => {
    $ZodISODate.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISOTime = /*@__PURE__*/ $constructor("ZodISOTime", (inst, def) => {
    $ZodISOTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODuration = /*@__PURE__*/ $constructor("ZodISODuration", (inst, def) => {
    $ZodISODuration.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodEmail = /*@__PURE__*/ $constructor("ZodEmail", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmail.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_email(params) {
    return core._email(ZodEmail, params);
}
const ZodGUID = /*@__PURE__*/ $constructor("ZodGUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodGUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_guid(params) {
    return core._guid(ZodGUID, params);
}
const ZodUUID = /*@__PURE__*/ $constructor("ZodUUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodUUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_uuid(params) {
    return core._uuid(ZodUUID, params);
}
function uuidv4(params) {
    return core._uuidv4(ZodUUID, params);
}
// ZodUUIDv6
function uuidv6(params) {
    return core._uuidv6(ZodUUID, params);
}
// ZodUUIDv7
function uuidv7(params) {
    return core._uuidv7(ZodUUID, params);
}
const ZodURL = /*@__PURE__*/ $constructor("ZodURL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodURL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function url(params) {
    return _url(ZodURL, params);
}
function httpUrl(params) {
    return core._url(ZodURL, {
        protocol: regexes.httpProtocol,
        hostname: regexes.domain,
        ...util.normalizeParams(params),
    });
}
const ZodEmoji = /*@__PURE__*/ $constructor("ZodEmoji", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmoji.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_emoji(params) {
    return core._emoji(ZodEmoji, params);
}
const ZodNanoID = /*@__PURE__*/ $constructor("ZodNanoID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodNanoID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_nanoid(params) {
    return core._nanoid(ZodNanoID, params);
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const ZodCUID = /*@__PURE__*/ $constructor("ZodCUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
/**
 * Validates a CUID v1 string.
 *
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2 | `z.cuid2()`} instead.
 * See https://github.com/paralleldrive/cuid.
 */
function schemas_cuid(params) {
    return core._cuid(ZodCUID, params);
}
const ZodCUID2 = /*@__PURE__*/ $constructor("ZodCUID2", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID2.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_cuid2(params) {
    return core._cuid2(ZodCUID2, params);
}
const ZodULID = /*@__PURE__*/ $constructor("ZodULID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodULID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ulid(params) {
    return core._ulid(ZodULID, params);
}
const ZodXID = /*@__PURE__*/ $constructor("ZodXID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodXID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_xid(params) {
    return core._xid(ZodXID, params);
}
const ZodKSUID = /*@__PURE__*/ $constructor("ZodKSUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodKSUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ksuid(params) {
    return core._ksuid(ZodKSUID, params);
}
const ZodIPv4 = /*@__PURE__*/ $constructor("ZodIPv4", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ipv4(params) {
    return core._ipv4(ZodIPv4, params);
}
const ZodMAC = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMAC", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    core.$ZodMAC.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function schemas_mac(params) {
    return core._mac(ZodMAC, params);
}
const ZodIPv6 = /*@__PURE__*/ $constructor("ZodIPv6", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_ipv6(params) {
    return core._ipv6(ZodIPv6, params);
}
const ZodCIDRv4 = /*@__PURE__*/ $constructor("ZodCIDRv4", (inst, def) => {
    $ZodCIDRv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_cidrv4(params) {
    return core._cidrv4(ZodCIDRv4, params);
}
const ZodCIDRv6 = /*@__PURE__*/ $constructor("ZodCIDRv6", (inst, def) => {
    $ZodCIDRv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_cidrv6(params) {
    return core._cidrv6(ZodCIDRv6, params);
}
const ZodBase64 = /*@__PURE__*/ $constructor("ZodBase64", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_base64(params) {
    return core._base64(ZodBase64, params);
}
const ZodBase64URL = /*@__PURE__*/ $constructor("ZodBase64URL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64URL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_base64url(params) {
    return core._base64url(ZodBase64URL, params);
}
const ZodE164 = /*@__PURE__*/ $constructor("ZodE164", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodE164.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function schemas_e164(params) {
    return core._e164(ZodE164, params);
}
const ZodCreditCard = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCreditCard", (inst, def) => {
    core.$ZodCreditCard.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function schemas_creditCard(params) {
    return core._creditCard(ZodCreditCard, params);
}
const ZodIBAN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodIBAN", (inst, def) => {
    core.$ZodIBAN.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function schemas_iban(params) {
    return core._iban(ZodIBAN, params);
}
const ZodJWT = /*@__PURE__*/ $constructor("ZodJWT", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodJWT.init(inst, def);
    ZodStringFormat.init(inst, def);
});
function jwt(params) {
    return core._jwt(ZodJWT, params);
}
const ZodCustomStringFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCustomStringFormat", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    core.$ZodCustomStringFormat.init(inst, def);
    ZodStringFormat.init(inst, def);
})));
function stringFormat(format, fnOrRegex, _params = {}) {
    return core._stringFormat(ZodCustomStringFormat, format, fnOrRegex, _params);
}
function schemas_hostname(_params) {
    return core._stringFormat(ZodCustomStringFormat, "hostname", regexes.hostname, _params);
}
function schemas_hex(_params) {
    return core._stringFormat(ZodCustomStringFormat, "hex", regexes.hex, _params);
}
function schemas_currencyCode(_params) {
    return core._stringFormat(ZodCustomStringFormat, "currency_code", regexes.currencyCode, _params);
}
function hash(alg, params) {
    const enc = params?.enc ?? "hex";
    const format = `${alg}_${enc}`;
    const regex = core.regexes[format];
    if (!regex)
        throw new Error(`Unrecognized hash format: ${format}`);
    return core._stringFormat(ZodCustomStringFormat, format, regex, params);
}
const ZodNumber = /*@__PURE__*/ $constructor("ZodNumber", (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => numberProcessor(inst, ctx, json, params);
    inst.isFinite = true;
}, 
/*@__PURE__*/ derived({
    minValue: (inst) => {
        const { minimum, exclusiveMinimum } = aggregateChecks(inst);
        return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
    },
    maxValue: (inst) => {
        const { maximum, exclusiveMaximum } = aggregateChecks(inst);
        return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
    },
    isInt: (inst) => {
        const { isInt, multipleOf } = aggregateChecks(inst);
        return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
    },
    format: (inst) => aggregateChecks(inst).format ?? null,
}, {
    gt(value, params) {
        return this.check(_gt(value, params));
    },
    gte(value, params) {
        return this.check(_gte(value, params));
    },
    min(value, params) {
        return this.check(_gte(value, params));
    },
    lt(value, params) {
        return this.check(_lt(value, params));
    },
    lte(value, params) {
        return this.check(_lte(value, params));
    },
    max(value, params) {
        return this.check(_lte(value, params));
    },
    int(params) {
        return this.check(schemas_int(params));
    },
    safe(params) {
        return this.check(schemas_int(params));
    },
    positive(params) {
        return this.check(_gt(0, params));
    },
    nonnegative(params) {
        return this.check(_gte(0, params));
    },
    negative(params) {
        return this.check(_lt(0, params));
    },
    nonpositive(params) {
        return this.check(_lte(0, params));
    },
    multipleOf(value, params) {
        return this.check(_multipleOf(value, params));
    },
    step(value, params) {
        return this.check(_multipleOf(value, params));
    },
    finite() {
        return this;
    },
}));
function schemas_number(params) {
    return _number(ZodNumber, params);
}
const ZodNumberFormat = /*@__PURE__*/ $constructor("ZodNumberFormat", (inst, def) => {
    $ZodNumberFormat.init(inst, def);
    ZodNumber.init(inst, def);
});
function schemas_int(params) {
    return _int(ZodNumberFormat, params);
}
function float32(params) {
    return core._float32(ZodNumberFormat, params);
}
function float64(params) {
    return core._float64(ZodNumberFormat, params);
}
function int32(params) {
    return core._int32(ZodNumberFormat, params);
}
function uint32(params) {
    return core._uint32(ZodNumberFormat, params);
}
const ZodBoolean = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodBoolean", (inst, def) => {
    core.$ZodBoolean.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.booleanProcessor(inst, ctx, json, params);
})));
function schemas_boolean(params) {
    return core._boolean(ZodBoolean, params);
}
const ZodBigInt = /*@__PURE__*/ $constructor("ZodBigInt", (inst, def) => {
    $ZodBigInt.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => bigintProcessor(inst, ctx, json, params);
}, 
/*@__PURE__*/ derived({
    minValue: (inst) => aggregateChecks(inst).minimum ?? null,
    maxValue: (inst) => aggregateChecks(inst).maximum ?? null,
    format: (inst) => aggregateChecks(inst).format ?? null,
}, {
    gte(value, params) {
        return this.check(_gte(value, params));
    },
    min(value, params) {
        return this.check(_gte(value, params));
    },
    gt(value, params) {
        return this.check(_gt(value, params));
    },
    lt(value, params) {
        return this.check(_lt(value, params));
    },
    lte(value, params) {
        return this.check(_lte(value, params));
    },
    max(value, params) {
        return this.check(_lte(value, params));
    },
    positive(params) {
        return this.check(_gt(BigInt(0), params));
    },
    negative(params) {
        return this.check(_lt(BigInt(0), params));
    },
    nonpositive(params) {
        return this.check(_lte(BigInt(0), params));
    },
    nonnegative(params) {
        return this.check(_gte(BigInt(0), params));
    },
    multipleOf(value, params) {
        return this.check(_multipleOf(value, params));
    },
}));
function schemas_bigint(params) {
    return core._bigint(ZodBigInt, params);
}
const ZodBigIntFormat = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodBigIntFormat", (inst, def) => {
    core.$ZodBigIntFormat.init(inst, def);
    ZodBigInt.init(inst, def);
})));
function int64(params) {
    return core._int64(ZodBigIntFormat, params);
}
function uint64(params) {
    return core._uint64(ZodBigIntFormat, params);
}
const ZodSymbol = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSymbol", (inst, def) => {
    core.$ZodSymbol.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.symbolProcessor(inst, ctx, json, params);
})));
function symbol(params) {
    return core._symbol(ZodSymbol, params);
}
const ZodUndefined = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodUndefined", (inst, def) => {
    core.$ZodUndefined.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.undefinedProcessor(inst, ctx, json, params);
})));
function schemas_undefined(params) {
    return core._undefined(ZodUndefined, params);
}

const ZodNull = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodNull", (inst, def) => {
    core.$ZodNull.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.nullProcessor(inst, ctx, json, params);
})));
function schemas_null(params) {
    return core._null(ZodNull, params);
}

const ZodAny = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodAny", (inst, def) => {
    core.$ZodAny.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.anyProcessor(inst, ctx, json, params);
})));
function any() {
    return core._any(ZodAny);
}
const ZodUnknown = /*@__PURE__*/ $constructor("ZodUnknown", (inst, def) => {
    $ZodUnknown.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unknownProcessor(inst, ctx, json, params);
});
function unknown() {
    return _unknown(ZodUnknown);
}
const ZodNever = /*@__PURE__*/ $constructor("ZodNever", (inst, def) => {
    $ZodNever.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => neverProcessor(inst, ctx, json, params);
});
function never(params) {
    return _never(ZodNever, params);
}
const ZodVoid = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodVoid", (inst, def) => {
    core.$ZodVoid.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.voidProcessor(inst, ctx, json, params);
})));
function schemas_void(params) {
    return core._void(ZodVoid, params);
}

const ZodDate = /*@__PURE__*/ $constructor("ZodDate", (inst, def) => {
    $ZodDate.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => dateProcessor(inst, ctx, json, params);
    inst.min = (value, params) => inst.check(_gte(value, params));
    inst.max = (value, params) => inst.check(_lte(value, params));
}, 
/*@__PURE__*/ derived({
    minDate: (inst) => {
        const { minimum } = aggregateChecks(inst);
        return minimum ? new Date(minimum) : null;
    },
    maxDate: (inst) => {
        const { maximum } = aggregateChecks(inst);
        return maximum ? new Date(maximum) : null;
    },
}, {}));
function schemas_date(params) {
    return core._date(ZodDate, params);
}
const ZodArray = /*@__PURE__*/ $constructor("ZodArray", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodArray.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => arrayProcessor(inst, ctx, json, params);
    inst.element = def.element;
}, {
    min(n, params) {
        return this.check(_minLength(n, params));
    },
    nonempty(params) {
        return this.check(_minLength(1, params));
    },
    max(n, params) {
        return this.check(_maxLength(n, params));
    },
    length(n, params) {
        return this.check(_length(n, params));
    },
    unwrap() {
        return this.element;
    },
});
function array(element, params) {
    return _array(ZodArray, element, params);
}
// .keyof
function keyof(schema) {
    const shape = schema._zod.def.shape;
    return schemas_enum(Object.keys(shape));
}
const ZodObject = /*@__PURE__*/ $constructor("ZodObject", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodObjectJIT.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => objectProcessor(inst, ctx, json, params);
    installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
}, {
    keyof() {
        return schemas_enum(Object.keys(this._zod.def.shape));
    },
    catchall(catchall) {
        // `mergeDefs` rather than a spread: spreading reads `shape`, and resolving it can mint a whole fresh subtree
        return this.clone(mergeDefs(this._zod.def, { catchall: catchall }));
    },
    passthrough() {
        return this.clone(mergeDefs(this._zod.def, { catchall: unknown() }));
    },
    loose() {
        return this.clone(mergeDefs(this._zod.def, { catchall: unknown() }));
    },
    strict() {
        return this.clone(mergeDefs(this._zod.def, { catchall: never() }));
    },
    strip() {
        return this.clone(mergeDefs(this._zod.def, { catchall: undefined }));
    },
    extend(incoming) {
        return extend(this, incoming);
    },
    safeExtend(incoming) {
        return safeExtend(this, incoming);
    },
    merge(other) {
        return merge(this, other);
    },
    pick(mask) {
        return pick(this, mask);
    },
    omit(mask) {
        return omit(this, mask);
    },
    partial(...args) {
        return partial(ZodOptional, this, args[0]);
    },
    exactPartial(...args) {
        return partial(ZodExactOptional, this, args[0], "exactPartial");
    },
    required(...args) {
        return required(ZodNonOptional, this, args[0]);
    },
});
function object(shape, params) {
    const def = {
        type: "object",
        shape: shape ?? {},
        ...util.normalizeParams(params),
    };
    return new ZodObject(def);
}
// strictObject
function strictObject(shape, params) {
    return new ZodObject({
        type: "object",
        shape,
        catchall: never(),
        ...normalizeParams(params),
    });
}
// looseObject
function looseObject(shape, params) {
    return new ZodObject({
        type: "object",
        shape,
        catchall: unknown(),
        ...util.normalizeParams(params),
    });
}
const ZodUnion = /*@__PURE__*/ $constructor("ZodUnion", (inst, def) => {
    $ZodUnion.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unionProcessor(inst, ctx, json, params);
    inst.options = def.options;
});
function union(options, params) {
    return new ZodUnion({
        type: "union",
        options: options,
        ...normalizeParams(params),
    });
}
const ZodXor = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodXor", (inst, def) => {
    ZodUnion.init(inst, def);
    core.$ZodXor.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.unionProcessor(inst, ctx, json, params);
    inst.options = def.options;
})));
/** Creates an exclusive union (XOR) where exactly one option must match.
 * Unlike regular unions that succeed when any option matches, xor fails if
 * zero or more than one option matches the input. */
function xor(options, params) {
    return new ZodXor({
        type: "union",
        options: options,
        inclusive: false,
        ...util.normalizeParams(params),
    });
}
const ZodDiscriminatedUnion = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodDiscriminatedUnion", (inst, def) => {
    ZodUnion.init(inst, def);
    core.$ZodDiscriminatedUnion.init(inst, def);
})));
function discriminatedUnion(discriminator, options, params) {
    // const [options, params] = args;
    return new ZodDiscriminatedUnion({
        type: "union",
        options: options,
        discriminator,
        ...util.normalizeParams(params),
    });
}
const ZodIntersection = /*@__PURE__*/ $constructor("ZodIntersection", (inst, def) => {
    $ZodIntersection.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => intersectionProcessor(inst, ctx, json, params);
});
function intersection(left, right) {
    return new ZodIntersection({
        type: "intersection",
        left: left,
        right: right,
    });
}
const ZodTuple = /*@__PURE__*/ $constructor("ZodTuple", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTuple.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => tupleProcessor(inst, ctx, json, params);
}, {
    rest(rest) {
        return this.clone({
            ...this._zod.def,
            rest: rest,
        });
    },
    partial() {
        const def = this._zod.def;
        // a refinement was authored against the full arity; partialing would run it on a shorter array
        if (def.checks?.length)
            throw new Error(".partial() cannot be used on tuple schemas containing refinements");
        return this.clone({
            ...def,
            items: def.items.map((item) => new ZodOptional({ type: "optional", innerType: item })),
        });
    },
});
function tuple(items, _paramsOrRest, _params) {
    const hasRest = _paramsOrRest instanceof core.$ZodType;
    const params = hasRest ? _params : _paramsOrRest;
    const rest = hasRest ? _paramsOrRest : null;
    return new ZodTuple({
        type: "tuple",
        items: items,
        rest,
        ...util.normalizeParams(params),
    });
}
const ZodRecord = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodRecord", (inst, def) => {
    _ensureDefaultMemoizer();
    core.$ZodRecord.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.recordProcessor(inst, ctx, json, params);
    inst.keyType = def.keyType;
    inst.valueType = def.valueType;
})));
function record(keyType, valueType, params) {
    // v3-compat: z.record(valueType, params?) — defaults keyType to z.string()
    if (!valueType || !valueType._zod) {
        return new ZodRecord({
            type: "record",
            keyType: schemas_string(),
            valueType: keyType,
            ...util.normalizeParams(valueType),
        });
    }
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
// type alksjf = core.output<core.$ZodRecordKey>;
function partialRecord(keyType, valueType, params) {
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
        partial: true,
    });
}
function looseRecord(keyType, valueType, params) {
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        mode: "loose",
        ...util.normalizeParams(params),
    });
}
const ZodMap = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodMap", (inst, def) => {
    _ensureDefaultMemoizer();
    core.$ZodMap.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.mapProcessor(inst, ctx, json, params);
    inst.keyType = def.keyType;
    inst.valueType = def.valueType;
    inst.min = (...args) => inst.check(core._minSize(...args));
    inst.nonempty = (params) => inst.check(core._minSize(1, params));
    inst.max = (...args) => inst.check(core._maxSize(...args));
    inst.size = (...args) => inst.check(core._size(...args));
})));
function map(keyType, valueType, params) {
    return new ZodMap({
        type: "map",
        keyType: keyType,
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodSet = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSet", (inst, def) => {
    _ensureDefaultMemoizer();
    core.$ZodSet.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.setProcessor(inst, ctx, json, params);
    inst.min = (...args) => inst.check(core._minSize(...args));
    inst.nonempty = (params) => inst.check(core._minSize(1, params));
    inst.max = (...args) => inst.check(core._maxSize(...args));
    inst.size = (...args) => inst.check(core._size(...args));
})));
function set(valueType, params) {
    return new ZodSet({
        type: "set",
        valueType: valueType,
        ...util.normalizeParams(params),
    });
}
const ZodEnum = /*@__PURE__*/ $constructor("ZodEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => enumProcessor(inst, ctx, json, params);
    inst.enum = def.entries;
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
    const keys = new Set(Object.keys(def.entries));
    inst.extract = (values, params) => {
        const newEntries = {};
        for (const value of values) {
            if (keys.has(value)) {
                newEntries[value] = def.entries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...normalizeParams(params),
            entries: newEntries,
        });
    };
    inst.exclude = (values, params) => {
        const newEntries = { ...def.entries };
        for (const value of values) {
            if (keys.has(value)) {
                delete newEntries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...normalizeParams(params),
            entries: newEntries,
        });
    };
});
function schemas_enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodEnum({
        type: "enum",
        entries,
        ...normalizeParams(params),
    });
}

/** @deprecated This API has been merged into `z.enum()`. Use `z.enum()` instead.
 *
 * ```ts
 * enum Colors { red, green, blue }
 * z.enum(Colors);
 * ```
 */
function nativeEnum(entries, params) {
    return new ZodEnum({
        type: "enum",
        entries,
        ...util.normalizeParams(params),
    });
}
const ZodLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodLiteral", (inst, def) => {
    core.$ZodLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.literalProcessor(inst, ctx, json, params);
    inst.values = new Set(def.values);
    Object.defineProperty(inst, "value", {
        get() {
            if (def.values.length > 1) {
                throw new Error("This schema contains multiple valid literal values. Use `.values` instead.");
            }
            return def.values[0];
        },
    });
})));
function literal(value, params) {
    return new ZodLiteral({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...util.normalizeParams(params),
    });
}
const ZodFile = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodFile", (inst, def) => {
    core.$ZodFile.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.fileProcessor(inst, ctx, json, params);
    inst.min = (size, params) => inst.check(core._minSize(size, params));
    inst.max = (size, params) => inst.check(core._maxSize(size, params));
    inst.mime = (types, params) => inst.check(core._mime(Array.isArray(types) ? types : [types], params));
})));
function file(params) {
    return core._file(ZodFile, params);
}
const ZodTransform = /*@__PURE__*/ $constructor("ZodTransform", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTransform.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => transformProcessor(inst, ctx, json, params);
    inst._zod.parse = (payload, _ctx) => {
        if (_ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        payload.addIssue = (issue) => {
            if (typeof issue === "string") {
                payload.issues.push(util_issue(issue, payload.value, def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = inst);
                // _issue.continue ??= true;
                payload.issues.push(util_issue(_issue));
            }
        };
        const output = def.transform(payload.value, payload);
        if (output instanceof Promise) {
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        payload.value = output;
        return payload;
    };
});
function transform(fn) {
    return new ZodTransform({
        type: "transform",
        transform: fn,
    });
}
const ZodOptional = /*@__PURE__*/ $constructor("ZodOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function optional(innerType) {
    return new ZodOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodExactOptional = /*@__PURE__*/ $constructor("ZodExactOptional", (inst, def) => {
    $ZodExactOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function exactOptional(innerType) {
    return new ZodExactOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodNullable = /*@__PURE__*/ $constructor("ZodNullable", (inst, def) => {
    $ZodNullable.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nullableProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nullable(innerType) {
    return new ZodNullable({
        type: "nullable",
        innerType: innerType,
    });
}
// nullish
function schemas_nullish(innerType) {
    return optional(nullable(innerType));
}
const ZodDefault = /*@__PURE__*/ $constructor("ZodDefault", (inst, def) => {
    $ZodDefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => defaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeDefault = inst.unwrap;
});
function schemas_default(innerType, defaultValue) {
    return new ZodDefault({
        type: "default",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
        },
    });
}
const ZodPrefault = /*@__PURE__*/ $constructor("ZodPrefault", (inst, def) => {
    $ZodPrefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => prefaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function prefault(innerType, defaultValue) {
    return new ZodPrefault({
        type: "prefault",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
        },
    });
}
const ZodNonOptional = /*@__PURE__*/ $constructor("ZodNonOptional", (inst, def) => {
    $ZodNonOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nonoptionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nonoptional(innerType, params) {
    return new ZodNonOptional({
        type: "nonoptional",
        innerType: innerType,
        ...normalizeParams(params),
    });
}
const ZodSuccess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodSuccess", (inst, def) => {
    core.$ZodSuccess.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.successProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
})));
function success(innerType) {
    return new ZodSuccess({
        type: "success",
        innerType: innerType,
    });
}
const ZodCatch = /*@__PURE__*/ $constructor("ZodCatch", (inst, def) => {
    $ZodCatch.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => catchProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeCatch = inst.unwrap;
});
function schemas_catch(innerType, catchValue) {
    return new ZodCatch({
        type: "catch",
        innerType: innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : constantCatch(catchValue)),
    });
}

const ZodNaN = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodNaN", (inst, def) => {
    core.$ZodNaN.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.nanProcessor(inst, ctx, json, params);
})));
function nan(params) {
    return core._nan(ZodNaN, params);
}
const ZodPipe = /*@__PURE__*/ $constructor("ZodPipe", (inst, def) => {
    $ZodPipe.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => pipeProcessor(inst, ctx, json, params);
    inst.in = def.in;
    inst.out = def.out;
});
function pipe(in_, out) {
    return new ZodPipe({
        type: "pipe",
        in: in_,
        out: out,
        // ...util.normalizeParams(params),
    });
}
const ZodCodec = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodCodec", (inst, def) => {
    ZodPipe.init(inst, def);
    core.$ZodCodec.init(inst, def);
})));
function codec(in_, out, params) {
    return new ZodCodec({
        type: "pipe",
        in: in_,
        out: out,
        transform: params.decode,
        reverseTransform: params.encode,
    });
}
function invertCodec(codec) {
    const def = codec._zod.def;
    return new ZodCodec({
        type: "pipe",
        in: def.out,
        out: def.in,
        transform: def.reverseTransform,
        reverseTransform: def.transform,
    });
}
const ZodPreprocess = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodPreprocess", (inst, def) => {
    ZodPipe.init(inst, def);
    core.$ZodPreprocess.init(inst, def);
})));
const ZodReadonly = /*@__PURE__*/ $constructor("ZodReadonly", (inst, def) => {
    $ZodReadonly.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => readonlyProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function readonly(innerType) {
    return new ZodReadonly({
        type: "readonly",
        innerType: innerType,
    });
}
const ZodTemplateLiteral = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodTemplateLiteral", (inst, def) => {
    core.$ZodTemplateLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.templateLiteralProcessor(inst, ctx, json, params);
})));
function templateLiteral(parts, params) {
    return new ZodTemplateLiteral({
        type: "template_literal",
        parts,
        ...util.normalizeParams(params),
    });
}
const ZodLazy = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodLazy", (inst, def) => {
    core.$ZodLazy.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.lazyProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.getter();
})));
function lazy(getter) {
    return new ZodLazy({
        type: "lazy",
        getter: getter,
    });
}
const ZodPromise = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodPromise", (inst, def) => {
    core.$ZodPromise.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.promiseProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
})));
function promise(innerType) {
    return new ZodPromise({
        type: "promise",
        innerType: innerType,
    });
}
const ZodFunction = /*@__PURE__*/ (/* unused pure expression or super */ null && (core.$constructor("ZodFunction", (inst, def) => {
    core.$ZodFunction.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => processors.functionProcessor(inst, ctx, json, params);
})));
function _function(params) {
    return new ZodFunction({
        type: "function",
        input: Array.isArray(params?.input) ? tuple(params?.input) : (params?.input ?? array(unknown())),
        output: params?.output ?? unknown(),
    });
}

const ZodCustom = /*@__PURE__*/ $constructor("ZodCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => customProcessor(inst, ctx, json, params);
});
// custom checks
function check(fn) {
    const ch = new core.$ZodCheck({
        check: "custom",
        // ...util.normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}
function custom(fn, _params) {
    return core._custom(ZodCustom, fn ?? (() => true), _params);
}
function refine(fn, _params = {}) {
    return _refine(ZodCustom, fn, _params);
}
// superRefine
function superRefine(fn, params) {
    return _superRefine(fn, params);
}
// Re-export describe and meta from core
const schemas_describe = describe;
const schemas_meta = meta;
const ZodInstanceOf = /*@__PURE__*/ $constructor("ZodInstanceOf", (inst, def) => {
    ZodCustom.init(inst, def);
}, {
    properties(shape, params) {
        // asserts in place, so the narrowed output type is truthful without a wrapper
        return this.check(_properties(shape, params));
    },
});
function _instanceof(cls, params = {}) {
    const inst = new ZodInstanceOf({
        type: "custom",
        check: "custom",
        fn: (data) => data instanceof cls,
        abort: true,
        ...util.normalizeParams(params),
    });
    inst._zod.bag.Class = cls;
    // Override check to emit invalid_type instead of custom
    inst._zod.check = (payload) => {
        if (!(payload.value instanceof cls)) {
            payload.issues.push({
                code: "invalid_type",
                expected: cls.name,
                input: payload.value,
                inst,
                path: [...(inst._zod.def.path ?? [])],
            });
        }
    };
    return inst;
}

// stringbool
const stringbool = (...args) => core._stringbool({
    Codec: ZodCodec,
    Boolean: ZodBoolean,
    String: ZodString,
}, ...args);
function json(params) {
    const jsonSchema = lazy(() => {
        return union([schemas_string(params), schemas_number(), schemas_boolean(), schemas_null(), array(jsonSchema), record(schemas_string(), jsonSchema)]);
    });
    return jsonSchema;
}
// preprocess
function preprocess(fn, schema) {
    return new ZodPreprocess({
        type: "pipe",
        in: transform(fn),
        out: schema,
    });
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/version.ts
/** The tool's own identity: package version and git commit, found next to the running code. */





/** The folder of dataset-gen's own package.json above the running code (source, build, bundle or image), or null. */
function packageRoot() {
    let dir = external_node_path_default().dirname((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 6; i += 1) {
        const file = external_node_path_default().join(dir, 'package.json');
        if ((0,external_node_fs_namespaceObject.existsSync)(file)) {
            try {
                if (JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8')).name === 'dataset-gen')
                    return dir;
            }
            catch {
                // not ours; keep walking up
            }
        }
        dir = external_node_path_default().dirname(dir);
    }
    return null;
}
const root = packageRoot();
const TOOL_VERSION = (() => {
    if (!root)
        return process.env.DATASET_GEN_VERSION ?? '0.0.0-unknown';
    return JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(external_node_path_default().join(root, 'package.json'), 'utf8')).version;
})();
/** The tool's git commit: DATASET_GEN_COMMIT (set in the image), else `git rev-parse HEAD`, else null. */
async function toolCommit() {
    if (process.env.DATASET_GEN_COMMIT)
        return process.env.DATASET_GEN_COMMIT;
    if (!root || !(0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(root, '.git')))
        return null;
    try {
        const { stdout } = await (0,external_node_util_namespaceObject.promisify)(external_node_child_process_namespaceObject.execFile)('git', ['-C', root, 'rev-parse', 'HEAD'], { timeout: 5000 });
        return stdout.trim() || null;
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/model/bundled.ts
/**
 * The weights that ship with the tool: `models/` beside dataset-gen's package.json, the same folder in
 * a checkout, an npm install (`files` in package.json) and the image (/opt/dataset-gen/models).
 */


/** The preset `yolov8n-coco`'s weights (models/README.md: provenance, sha256, licence). */
const BUNDLED_MODEL_FILE = 'yolov8n.onnx';
/** The bundled models folder, or null when the running code is not inside a dataset-gen package. */
function bundledModelsDir() {
    const root = packageRoot();
    return root === null ? null : external_node_path_default().join(root, 'models');
}

;// CONCATENATED MODULE: ./src/model/coco-names.ts
/** The standard COCO-80 class names, in the order YOLO models trained on COCO emit them. */
const COCO80_NAMES = [
    'person', 'bicycle', 'car', 'motorcycle', 'airplane', 'bus', 'train', 'truck', 'boat', 'traffic light',
    'fire hydrant', 'stop sign', 'parking meter', 'bench', 'bird', 'cat', 'dog', 'horse', 'sheep', 'cow',
    'elephant', 'bear', 'zebra', 'giraffe', 'backpack', 'umbrella', 'handbag', 'tie', 'suitcase', 'frisbee',
    'skis', 'snowboard', 'sports ball', 'kite', 'baseball bat', 'baseball glove', 'skateboard', 'surfboard',
    'tennis racket', 'bottle', 'wine glass', 'cup', 'fork', 'knife', 'spoon', 'bowl', 'banana', 'apple',
    'sandwich', 'orange', 'broccoli', 'carrot', 'hot dog', 'pizza', 'donut', 'cake', 'chair', 'couch',
    'potted plant', 'bed', 'dining table', 'toilet', 'tv', 'laptop', 'mouse', 'remote', 'keyboard',
    'cell phone', 'microwave', 'oven', 'toaster', 'sink', 'refrigerator', 'book', 'clock', 'vase',
    'scissors', 'teddy bear', 'hair drier', 'toothbrush',
];

;// CONCATENATED MODULE: ./src/model/config.ts
/**
 * Model config: what the detector needs to know about an ONNX model. A JSON file validated with zod
 * (errors name the field), or a built-in preset. See README "Model config".
 */






const sha256Schema = schemas_string()
    .regex(/^[0-9a-f]{64}$/, 'a sha256 digest: 64 lowercase hex characters');
const modelSourceSchema = union([
    strictObject({ path: schemas_string().min(1) }),
    strictObject({
        url: url({ protocol: /^https$/, error: 'an https:// URL' }),
        sha256: sha256Schema.optional(),
    }),
], { error: 'either {"path": "<file.onnx>"} or {"url": "https://…", "sha256": "<64 hex, optional>"}' });
const executionProviderSchema = schemas_enum(['cpu', 'cuda']);
const modelConfigSchema = strictObject({
    name: schemas_string().min(1),
    source: modelSourceSchema.optional(),
    inputSize: schemas_number().int().min(32).max(4096).default(640),
    layout: schemas_enum(['yolov8', 'yolov5']),
    classNames: array(schemas_string().min(1)).min(1).optional(),
    confidence: schemas_number().gt(0).lt(1).default(0.25),
    iou: schemas_number().gt(0).lte(1).default(0.45),
    maxDetections: schemas_number().int().min(1).max(10000).default(300),
    /** Frames per inference call when the model's batch dimension is dynamic. */
    batchSize: schemas_number().int().min(1).max(64).default(4),
    executionProviders: array(executionProviderSchema).min(1).default(['cpu']),
});
const PRESETS = {
    'yolov8n-coco': {
        name: 'yolov8n-coco',
        // The weights that ship with the tool (models/README.md); relative to the bundled models folder.
        source: { path: BUNDLED_MODEL_FILE },
        inputSize: 640,
        layout: 'yolov8',
        classNames: [...COCO80_NAMES],
        confidence: 0.25,
        iou: 0.45,
        maxDetections: 300,
        executionProviders: ['cpu'],
    },
};
const DEFAULT_PRESET = 'yolov8n-coco';
/** Error messages stay on one line: line breaks (e.g. inside an unknown key's name) are shown escaped. */
function oneLine(text) {
    return text.replace(/\r\n|\r|\n/g, (lineBreak) => JSON.stringify(lineBreak).slice(1, -1));
}
function formatIssues(origin, error) {
    const parts = error.issues.map((issue) => {
        const field = issue.path.length > 0 ? issue.path.join('.') : '(root)';
        return `${field}: ${issue.message}`;
    });
    return oneLine(`Invalid model config ${origin}: ${parts.join('; ')}`);
}
function parseModelConfig(value, origin, baseDir) {
    const result = modelConfigSchema.safeParse(value);
    if (!result.success)
        throw new errors/* ConfigError */.xL(formatIssues(origin, result.error));
    const config = result.data;
    if (config.classNames && new Set(config.classNames).size !== config.classNames.length) {
        throw new errors/* ConfigError */.xL(`Invalid model config ${origin}: classNames: names must be unique`);
    }
    return { config, origin, baseDir };
}
/** Loads a preset by name, or a JSON file by path. */
async function loadModelConfig(spec, cwd = process.cwd()) {
    // Own keys only: a file named "constructor" or "toString" is a file, not an Object.prototype member.
    const preset = Object.hasOwn(PRESETS, spec) ? PRESETS[spec] : undefined;
    // A preset's source.path names a file in the bundled models folder, wherever the tool is installed.
    if (preset)
        return parseModelConfig(preset, `preset "${spec}"`, bundledModelsDir() ?? cwd);
    const file = external_node_path_default().resolve(cwd, spec);
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code);
        throw new errors/* ConfigError */.xL(`Cannot read model config ${file}: ${why}; pass a JSON file or one of the presets: ${Object.keys(PRESETS).join(', ')}`);
    }
    let json;
    try {
        // Some Windows editors save UTF-8 with a byte-order mark, which JSON.parse rejects.
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (error) {
        throw new errors/* ConfigError */.xL(oneLine(`Invalid model config ${file}: not valid JSON (${error.message})`));
    }
    return parseModelConfig(json, file, external_node_path_default().dirname(file));
}

// EXTERNAL MODULE: ./node_modules/prom-client/index.js
var prom_client = __nccwpck_require__(5222);
;// CONCATENATED MODULE: ./src/domain/drop-reason.ts
const QUALITY_DROP_REASONS = ['corrupt', 'black', 'overexposed', 'blurred'];
const DROP_REASONS = [...QUALITY_DROP_REASONS, 'duplicate'];

;// CONCATENATED MODULE: ./src/domain/stages.ts
/** The pipeline's stages, in order; stage times and reports are keyed by them. */
const STAGES = ['probe', 'extract', 'quality', 'dedup', 'detect', 'write'];

;// CONCATENATED MODULE: ./src/domain/data-loss.ts
/** Above this share of a video's non-duplicate frames, a reason's drops are a warning. */
const DATA_LOSS_SHARE = 0.5;
/** The options that control each quality reason (none for corrupt: the file itself is damaged). */
const REASON_OPTIONS = {
    corrupt: [],
    black: ['black-luma'],
    overexposed: ['overexposed-luma'],
    blurred: ['blur-ratio', 'blur-threshold'],
};

;// CONCATENATED MODULE: ./src/observe/metrics.ts
/**
 * The run's metrics: one plain, JSON-serialisable object computed once from the `RunRecorder` at the
 * end of a run. metrics.json is this object; report.md and the console summary render from it and
 * from nothing else.
 *
 * Numbers are rounded (see `round`) so that two runs over the same input produce the same
 * metrics.json apart from the timings, which are wall-clock measurements and vary by nature.
 */




const METRICS_SCHEMA_VERSION = 1;
function selectionMetrics(selection, exportsOnlySelected) {
    if (!selection)
        return null;
    const covered = new Set(selection.selected.flatMap((s) => s.classes));
    return {
        requested: selection.requested,
        selected: selection.selected.length,
        classes: selection.classes.length,
        classesCovered: selection.classes.filter((c) => covered.has(c.name)).length,
        byReason: {
            class: selection.selected.filter((s) => s.reason === 'class').length,
            spread: selection.selected.filter((s) => s.reason === 'spread').length,
        },
        exportsOnlySelected,
        files: selection.selected.map((s) => s.file),
    };
}
/** Rounds to `digits` decimals; non-finite input gives 0 and -0 becomes 0, so JSON stays clean. */
function round(value, digits = 0) {
    if (!Number.isFinite(value))
        return 0;
    const factor = 10 ** digits;
    const rounded = Math.round(value * factor) / factor;
    return rounded === 0 ? 0 : rounded;
}
/** Buckets for detections per image: 0 … 9, then 10+. */
const DETECTIONS_PER_IMAGE_BUCKETS = [
    ...Array.from({ length: 10 }, (_, i) => [i, i]),
    [10, null],
];
/** Buckets for pHash Hamming distances (0..64): fine-grained where dedup thresholds sit. */
const PHASH_DISTANCE_BUCKETS = [
    [0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6], [7, 7], [8, 8], [9, 9],
    [10, 11], [12, 15], [16, 23], [24, 31], [32, null],
];
function bucketLabel(min, max) {
    if (max === null)
        return `${min}+`;
    return min === max ? String(min) : `${min}-${max}`;
}
/** Counts `values` into the given inclusive integer buckets (values are floored first). */
function histogram(values, buckets) {
    const result = buckets.map(([min, max]) => ({ label: bucketLabel(min, max), min, max, count: 0 }));
    for (const raw of values) {
        const value = Math.floor(raw);
        const bucket = result.find((b) => value >= b.min && (b.max === null || value <= b.max));
        if (bucket)
            bucket.count += 1;
    }
    return result;
}
/** The median of numbers sorted ascending; 0 when there are none. */
function median(sorted) {
    if (sorted.length === 0)
        return 0;
    const mid = Math.floor(sorted.length / 2);
    if (sorted.length % 2 === 1)
        return sorted[mid] ?? 0;
    return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
/** min / median / mean / max and histogram of `values`; zeros when empty. */
function summarize(values, buckets) {
    const finite = values.filter((v) => Number.isFinite(v));
    const sorted = [...finite].sort((a, b) => a - b);
    const sum = sorted.reduce((acc, v) => acc + v, 0);
    return {
        count: sorted.length,
        min: round(sorted[0] ?? 0, 3),
        median: round(median(sorted), 3),
        mean: round(sorted.length === 0 ? 0 : sum / sorted.length, 3),
        max: round(sorted[sorted.length - 1] ?? 0, 3),
        histogram: histogram(sorted, buckets),
    };
}
function emptyReasonCounts() {
    const counts = {};
    for (const reason of DROP_REASONS)
        counts[reason] = 0;
    return counts;
}
function tallyFrames(frames) {
    const tally = { sampled: 0, kept: 0, dropped: 0, byReason: emptyReasonCounts() };
    for (const frame of frames) {
        tally.sampled += 1;
        if (frame.outcome === 'kept') {
            tally.kept += 1;
        }
        else {
            tally.dropped += 1;
            tally.byReason[frame.reason] += 1;
        }
    }
    return tally;
}
function badOf(byReason) {
    return byReason.corrupt + byReason.black + byReason.overexposed + byReason.blurred;
}
/**
 * Maps the `video` string of frame and kept-image records to a video's position in `videos`.
 * Records may name a video by path, file name or stem; the path is tried first since it is unique.
 */
function videoResolver(videos) {
    const byPath = new Map();
    const byBase = new Map();
    const byStem = new Map();
    videos.forEach((video, i) => {
        if (!byPath.has(video.info.path))
            byPath.set(video.info.path, i);
        const base = external_node_path_default().basename(video.info.path);
        if (!byBase.has(base))
            byBase.set(base, i);
        if (!byStem.has(video.info.stem))
            byStem.set(video.info.stem, i);
    });
    return (name) => byPath.get(name) ?? byBase.get(name) ?? byStem.get(name);
}
function groupBy(items, keyOf, size) {
    const groups = Array.from({ length: size }, () => []);
    for (const item of items) {
        const key = keyOf(item);
        if (key !== undefined)
            groups[key]?.push(item);
    }
    return groups;
}
function detectionMetrics(kept, classNames, filter) {
    const perImage = kept.map((image) => image.detections.length);
    const total = perImage.reduce((acc, n) => acc + n, 0);
    const classes = new Map();
    for (const image of kept) {
        for (const det of image.detections) {
            const name = det.className || classNames[det.classIndex] || `class ${det.classIndex}`;
            const entry = classes.get(name) ?? { count: 0, scoreSum: 0 };
            entry.count += 1;
            entry.scoreSum += Number.isFinite(det.score) ? det.score : 0;
            classes.set(name, entry);
        }
    }
    const byClass = [...classes.entries()]
        .map(([name, { count, scoreSum }]) => ({ name, count, meanScore: round(scoreSum / count, 4) }))
        .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const seen = new Set();
    const classesWithoutDetections = (filter ?? classNames).filter((name) => {
        if (classes.has(name) || seen.has(name))
            return false;
        seen.add(name);
        return true;
    });
    return {
        total,
        perImage: {
            // reduce, not Math.min(...): spreading a very long array overflows the call stack.
            min: perImage.length === 0 ? 0 : perImage.reduce((a, b) => Math.min(a, b)),
            mean: round(perImage.length === 0 ? 0 : total / perImage.length, 3),
            max: perImage.length === 0 ? 0 : perImage.reduce((a, b) => Math.max(a, b)),
            histogram: histogram(perImage, DETECTIONS_PER_IMAGE_BUCKETS),
        },
        byClass,
        classesWithoutDetections,
        classFilter: filter === null ? null : { kept: [...filter], modelClasses: classNames.length },
    };
}
function timingMetrics(recorder) {
    const total = STAGES.reduce((acc, stage) => acc + Math.max(0, recorder.stageMs[stage]), 0);
    const stages = {};
    for (const stage of STAGES) {
        const ms = Math.max(0, recorder.stageMs[stage]);
        stages[stage] = { ms: round(ms, 1), share: total > 0 ? round(ms / total, 4) : 0 };
    }
    return { wallMs: round(recorder.wallMs, 1), stageTotalMs: round(total, 1), stages };
}
/** Computes the run's metrics from everything the stages recorded. Pure: the recorder is not changed. */
function computeMetrics(recorder, options) {
    const tally = tallyFrames(recorder.frames);
    const bad = badOf(tally.byReason);
    const duplicates = tally.byReason.duplicate;
    const decoded = recorder.videos.reduce((acc, v) => acc + Math.max(0, v.framesDecoded), 0);
    const resolve = videoResolver(recorder.videos);
    const framesByVideo = groupBy(recorder.frames, (f) => resolve(f.video), recorder.videos.length);
    const keptByVideo = groupBy(recorder.kept, (k) => resolve(k.video), recorder.videos.length);
    const videos = recorder.videos.map((video, i) => {
        const vt = tallyFrames(framesByVideo[i] ?? []);
        const detections = (keptByVideo[i] ?? []).reduce((acc, k) => acc + k.detections.length, 0);
        return {
            name: external_node_path_default().basename(video.info.path),
            stem: video.info.stem,
            index: video.info.index,
            sha256: video.sha256,
            durationSeconds: round(video.info.durationSeconds, 3),
            fps: round(video.info.fps, 3),
            width: video.info.width,
            height: video.info.height,
            sizeBytes: video.info.sizeBytes,
            decode: video.decode.mode,
            decoded: video.framesDecoded,
            truncatedAtSeconds: video.truncatedAtMs === undefined ? null : round(video.truncatedAtMs / 1000, 3),
            decodeErrors: video.decodeErrors,
            sampled: vt.sampled,
            kept: vt.kept,
            dropped: vt.dropped,
            droppedByReason: vt.byReason,
            bad: badOf(vt.byReason),
            duplicates: vt.byReason.duplicate,
            detections,
        };
    });
    const distances = recorder.frames
        .map((f) => f.phashDistance)
        .filter((d) => d !== null && Number.isFinite(d));
    return {
        schemaVersion: METRICS_SCHEMA_VERSION,
        site: options.site,
        frames: {
            decoded,
            sampled: tally.sampled,
            kept: tally.kept,
            dropped: tally.dropped,
            droppedByReason: tally.byReason,
            bad,
            duplicates,
        },
        frameDropRatio: tally.sampled > 0 ? round((bad + duplicates) / tally.sampled, 4) : 0,
        images: recorder.kept.length,
        detections: detectionMetrics(recorder.kept, options.classNames, options.classFilter && options.classFilter.length > 0 ? options.classFilter : null),
        timings: timingMetrics(recorder),
        videos,
        phashDistance: summarize(distances, PHASH_DISTANCE_BUCKETS),
        dataLoss: dataLossOf(videos, tally.sampled, recorder.kept.length),
        compute: computeMetricsOf(recorder, options),
        exports: recorder.exports.map((e) => ({ ...e, files: [...e.files] })),
        selection: selectionMetrics(recorder.selection, recorder.exportsOnlySelected),
    };
}
function computeMetricsOf(recorder, options) {
    const videoSeconds = options.videoSeconds ?? recorder.videos.reduce((acc, v) => acc + v.info.durationSeconds, 0);
    const computeSeconds = recorder.wallMs / 1000;
    const perVideoHour = videoSeconds > 0 ? (computeSeconds * 3600) / videoSeconds : 0;
    const price = options.pricePerHour ?? null;
    return {
        videoSeconds: round(videoSeconds, 3),
        computeSeconds: round(computeSeconds, 2),
        computeSecondsPerVideoHour: round(perVideoHour, 1),
        pricePerHour: price,
        cost: price === null ? null : round((computeSeconds / 3600) * price, 4),
        costPerVideoHour: price === null ? null : round((perVideoHour / 3600) * price, 4),
        executionProviders: [...(options.executionProviders ?? [])],
    };
}
/** A warning for each truncated or damaged video, each quality reason that dropped more than half of a video's non-duplicate frames, and an empty dataset. */
function dataLossOf(videos, sampled, images) {
    const warnings = [];
    for (const video of videos) {
        if (video.truncatedAtSeconds !== null) {
            warnings.push({ kind: 'truncated', video: video.stem, decodedSeconds: video.truncatedAtSeconds, durationSeconds: video.durationSeconds });
        }
        const damaged = video.decodeErrors > 0;
        if (damaged) {
            warnings.push({ kind: 'damaged', video: video.stem, decodeErrors: video.decodeErrors, dropped: video.droppedByReason.corrupt, sampled: video.sampled });
        }
        const of = video.sampled - video.duplicates;
        for (const reason of QUALITY_DROP_REASONS) {
            const dropped = video.droppedByReason[reason];
            // Corrupt frames come from decoder errors, which the damaged warning already counts.
            if (reason === 'corrupt' && damaged)
                continue;
            if (of > 0 && dropped > DATA_LOSS_SHARE * of)
                warnings.push({ kind: 'reason', video: video.stem, reason, dropped, of });
        }
    }
    if (images === 0)
        warnings.push({ kind: 'no-images', sampled });
    return warnings;
}

;// CONCATENATED MODULE: ./src/observe/prometheus.ts
/**
 * metrics.prom: the run's metrics in Prometheus' text exposition format (what node_exporter's textfile
 * collector reads and what a Pushgateway accepts), made with prom-client from `RunMetrics`, the run's
 * manifest and two per-frame facts the metrics do not keep (each frame's outcome per video, and the
 * detections of each image for the histogram).
 *
 * Every call builds a fresh `Registry` (never prom-client's global one), so two runs in one process do
 * not mix. Order is deterministic: metrics in the order below, series videos in run order, reasons in
 * `DROP_REASONS` order, stages in `STAGES` order, classes by name. Every series carries `site`, so the
 * files of several sites can sit in one textfile-collector folder without clashing.
 */




/** Content type of the text exposition format (version 0.0.4). */
const PROMETHEUS_CONTENT_TYPE = prom_client.Registry.PROMETHEUS_CONTENT_TYPE;
/** Upper bounds of `dataset_gen_detections_per_image` (`+Inf` is added by the histogram). */
const DETECTIONS_PER_IMAGE_PROM_BUCKETS = [0, 1, 2, 3, 5, 10, 20, 50];
/** Seconds from milliseconds, rounded so float noise does not reach the file. */
function seconds(ms) {
    return round(ms / 1000, 4);
}
function finishedAtSeconds(iso) {
    const ms = Date.parse(iso);
    if (!Number.isFinite(ms))
        throw new RangeError(`The manifest's run.finishedAt is not a date: ${JSON.stringify(iso)}`);
    return ms / 1000;
}
function byName(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * A fresh registry holding the run's metrics. Throws RangeError when the per-image input does not
 * match `metrics` (a caller bug: they come from the same recorder).
 */
function buildPrometheusRegistry(input) {
    const { metrics, manifest, detectionsPerImage } = input;
    const site = input.site ?? metrics.site;
    if (detectionsPerImage.length !== metrics.images) {
        throw new RangeError(`Got detection counts for ${detectionsPerImage.length} images but the run wrote ${metrics.images}`);
    }
    const registry = new prom_client.Registry();
    const registers = [registry];
    const runInfo = new prom_client.Gauge({
        name: 'dataset_gen_run_info',
        help: 'Tool version and model of the last dataset-gen run of a site (value always 1).',
        labelNames: ['site', 'version', 'model', 'model_sha256'],
        registers,
    });
    runInfo.set({ site, version: manifest.tool.version, model: manifest.config.model.name, model_sha256: manifest.model.sha256 }, 1);
    const lastSuccess = new prom_client.Gauge({
        name: 'dataset_gen_last_success_timestamp_seconds',
        help: 'Unix time at which the last successful dataset-gen run of a site finished.',
        labelNames: ['site'],
        registers,
    });
    lastSuccess.set({ site }, finishedAtSeconds(manifest.run.finishedAt));
    const runDuration = new prom_client.Gauge({
        name: 'dataset_gen_run_duration_seconds',
        help: 'Wall time of the last dataset-gen run of a site, from start to manifest.',
        labelNames: ['site'],
        registers,
    });
    runDuration.set({ site }, round(manifest.run.wallSeconds, 3));
    const framesDecoded = new prom_client.Counter({
        name: 'dataset_gen_frames_decoded_total',
        help: 'Frames ffmpeg decoded, per video, before sampling.',
        labelNames: ['site', 'video'],
        registers,
    });
    const decodeErrors = new prom_client.Counter({
        name: 'dataset_gen_decode_errors_total',
        help: 'Decoder errors ffmpeg reported, per video.',
        labelNames: ['site', 'video'],
        registers,
    });
    for (const video of metrics.videos) {
        framesDecoded.inc({ site, video: video.stem }, Math.max(0, video.decoded));
        decodeErrors.inc({ site, video: video.stem }, Math.max(0, video.decodeErrors));
    }
    const framesTotal = new prom_client.Counter({
        name: 'dataset_gen_frames_total',
        help: 'Sampled frames per video by outcome (kept or dropped) and drop reason (empty for kept frames).',
        labelNames: ['site', 'video', 'outcome', 'reason'],
        registers,
    });
    for (const video of metrics.videos) {
        framesTotal.inc({ site, video: video.stem, outcome: 'kept', reason: '' }, video.kept);
        for (const reason of DROP_REASONS)
            framesTotal.inc({ site, video: video.stem, outcome: 'dropped', reason }, video.droppedByReason[reason]);
    }
    const dropRatio = new prom_client.Gauge({
        name: 'dataset_gen_drop_ratio',
        help: 'Share (0 to 1) of sampled frames dropped as corrupt, black, over-exposed, blurred or duplicate.',
        labelNames: ['site'],
        registers,
    });
    dropRatio.set({ site }, metrics.frameDropRatio);
    const images = new prom_client.Counter({
        name: 'dataset_gen_images_total',
        help: 'Images written to the dataset.',
        labelNames: ['site'],
        registers,
    });
    images.inc({ site }, metrics.images);
    const detections = new prom_client.Counter({
        name: 'dataset_gen_detections_total',
        help: 'Detections (COCO annotations) per class; model classes never detected are 0.',
        labelNames: ['site', 'class'],
        registers,
    });
    const classCounts = new Map();
    for (const name of metrics.detections.classesWithoutDetections)
        classCounts.set(name, 0);
    for (const { name, count } of metrics.detections.byClass)
        classCounts.set(name, count);
    for (const name of [...classCounts.keys()].sort(byName)) {
        detections.inc({ site, class: name }, classCounts.get(name) ?? 0);
    }
    const perImage = new prom_client.Histogram({
        name: 'dataset_gen_detections_per_image',
        help: 'Detections per written image.',
        labelNames: ['site'],
        buckets: [...DETECTIONS_PER_IMAGE_PROM_BUCKETS],
        registers,
    });
    // zero() makes the series exist (all buckets 0) when the run wrote no image.
    perImage.zero({ site });
    for (const count of detectionsPerImage)
        perImage.observe({ site }, count);
    const stageDuration = new prom_client.Gauge({
        name: 'dataset_gen_stage_duration_seconds',
        help: 'Wall time spent in each pipeline stage during the last run of a site.',
        labelNames: ['site', 'stage'],
        registers,
    });
    for (const stage of STAGES)
        stageDuration.set({ site, stage }, seconds(metrics.timings.stages[stage].ms));
    return registry;
}
/** The text of metrics.prom (ends in a newline). */
async function renderPrometheus(input) {
    const registry = input instanceof prom_client.Registry ? input : buildPrometheusRegistry(input);
    const text = await registry.metrics();
    return text.endsWith('\n') ? text : `${text}\n`;
}

;// CONCATENATED MODULE: ./src/domain/url-redaction.ts
/**
 * URLs as they may be logged or recorded. A presigned model URL carries its token in the query, and a
 * URL may carry a user and password: logs, messages and manifest.json (uploaded with the artifact) get
 * the scheme, host and path only.
 */
/** `https://host/path` of `url`, without user, password, query or fragment; "(not a URL)" for other text. */
function redactUrl(url) {
    try {
        const parsed = new URL(url);
        return `${parsed.origin}${parsed.pathname}`;
    }
    catch {
        return '(not a URL)';
    }
}
/** Whether `url` holds anything `redactUrl` leaves out (credentials, a query, a fragment). */
function hasSecretParts(url) {
    try {
        const parsed = new URL(url);
        return parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '';
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/observe/pushgateway.ts


const PUSHGATEWAY_JOB = 'dataset-gen';
const DEFAULT_PUSH_TIMEOUT_MS = 10_000;
const PLAIN_SEGMENT = /^[A-Za-z0-9._~-]+$/;
/** One `<name>/<value>` pair of a grouping key (`job` included), base64-encoded when needed. */
function groupingKeySegment(name, value) {
    if (PLAIN_SEGMENT.test(value) && !/^\.+$/.test(value))
        return `${name}/${value}`;
    const encoded = Buffer.from(value, 'utf8').toString('base64url');
    return `${name}@base64/${encoded === '' ? '=' : encoded}`;
}
/** The path of a group below the gateway's root: `metrics/job/<job>/<label>/<value>…`. */
function groupingPath(job, labels = []) {
    return ['metrics', groupingKeySegment('job', job), ...labels.map(([name, value]) => groupingKeySegment(name, value))].join('/');
}
/** The URL when `text` is an http:// or https:// URL, null otherwise (for option validation). */
function parsePushgatewayUrl(text) {
    let url;
    try {
        url = new URL(text.trim());
    }
    catch {
        return null;
    }
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}
function describeFailure(error, timeoutMs, signal) {
    if (signal?.aborted)
        return 'cancelled';
    const name = typeof error === 'object' && error !== null ? error.name : undefined;
    if (name === 'TimeoutError' || name === 'AbortError')
        return `no answer within ${timeoutMs / 1000} s`;
    const cause = typeof error === 'object' && error !== null ? error.cause : undefined;
    const detail = (cause ?? error);
    const code = typeof detail?.code === 'string' ? detail.code : null;
    if (code === 'ECONNREFUSED')
        return 'connection refused (nothing listens there)';
    const message = typeof detail?.message === 'string' && detail.message !== '' ? detail.message : String(cause ?? error);
    return code !== null && !message.includes(code) ? `${message} (${code})` : message;
}
/** The first line of an error answer, shortened: the Pushgateway says there why it refused. */
function answerSnippet(body) {
    const line = body.trim().split(/\r?\n/)[0] ?? '';
    return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
/**
 * PUTs the metrics (a registry or exposition text) to the site's group. Never throws: any failure,
 * including an unusable URL, comes back as `warning`.
 */
async function pushMetrics(metrics, options) {
    const started = performance.now();
    const timeoutMs = options.timeoutMs ?? DEFAULT_PUSH_TIMEOUT_MS;
    const job = options.job ?? PUSHGATEWAY_JOB;
    let shownUrl = options.url;
    const fail = (reason, status = null) => ({
        ok: false,
        url: shownUrl,
        status,
        warning: `Could not push metrics to the Pushgateway at ${shownUrl}: ${reason}`,
        ms: Math.round(performance.now() - started),
    });
    const base = parsePushgatewayUrl(options.url);
    if (!base) {
        shownUrl = '(invalid URL)';
        return fail(`expected an http:// or https:// URL but received ${JSON.stringify(options.url)}`);
    }
    const headers = { 'content-type': PROMETHEUS_CONTENT_TYPE };
    if (base.username !== '' || base.password !== '') {
        const user = decodeURIComponent(base.username);
        const password = decodeURIComponent(base.password);
        headers.authorization = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
        base.username = '';
        base.password = '';
    }
    const target = new URL(base.href);
    target.pathname = `${base.pathname.replace(/\/+$/, '')}/${groupingPath(job, [['site', options.site]])}`;
    shownUrl = redactUrl(target);
    try {
        const body = typeof metrics === 'string' ? metrics : await metrics.metrics();
        const response = await (options.fetch ?? fetch)(target, {
            method: 'PUT',
            headers,
            body,
            signal: options.signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal]) : AbortSignal.timeout(timeoutMs),
            redirect: 'manual',
        });
        const answer = await response.text();
        if (!response.ok) {
            const snippet = answerSnippet(answer);
            return fail(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${snippet ? `: ${snippet}` : ''}`, response.status);
        }
        return { ok: true, url: shownUrl, status: response.status, warning: null, ms: Math.round(performance.now() - started) };
    }
    catch (error) {
        return fail(describeFailure(error, timeoutMs, options.signal));
    }
}

;// CONCATENATED MODULE: ./src/options/parse.ts
/**
 * The parsers every door's values go through: a number in a range, an integer in a range, a text.
 * Each takes the value as typed and the name to show (`--sample-fps`, `input "sample-fps"`), returns
 * null for "not given" (missing or empty), and refuses anything else that is not exactly what it
 * expects with `invalidParameterError`. Nothing is coerced silently.
 */

const DECIMAL = /^[+]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;
function describeRange(kind, { min, max, minExclusive }) {
    return `${kind} ${minExclusive ? 'greater than' : 'from'} ${min} ${minExclusive ? 'and at most' : 'to'} ${max}`;
}
/** The trimmed text, or null when missing or blank. */
function parseText(value) {
    if (typeof value !== 'string')
        return null;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
}
/** A decimal number (no sign but `+`, no exponent) in `range`; `expected` replaces the range's wording. */
function parseDecimal(value, name, range, expected) {
    const text = parseText(value);
    if (text === null)
        return null;
    const n = Number(text);
    const inRange = range.minExclusive ? n > range.min : n >= range.min;
    if (!DECIMAL.test(text) || !Number.isFinite(n) || !inRange || n > range.max) {
        throw (0,errors/* invalidParameterError */.pn)(name, expected ?? describeRange('a number', range), value);
    }
    return n;
}
/** An integer (optionally signed) in `range`; `expected` replaces the range's wording. */
function parseInteger(value, name, range, expected) {
    const text = parseText(value);
    if (text === null)
        return null;
    const n = Number(text);
    if (!INTEGER.test(text) || n < range.min || n > range.max) {
        throw (0,errors/* invalidParameterError */.pn)(name, expected ?? describeRange('an integer', range), value);
    }
    return n;
}
/** One of `choices`, exactly as listed (case-sensitive). */
function parseChoice(value, name, choices) {
    const text = parseText(value);
    if (text === null)
        return null;
    const found = choices.find((choice) => choice === text);
    if (found === undefined)
        throw (0,errors/* invalidParameterError */.pn)(name, `one of ${choices.join(', ')}`, value);
    return found;
}
const SECONDS = /^\d+(\.\d+)?$/;
const CLOCK = /^(?:(\d+):)?([0-5]?\d):([0-5]?\d(?:\.\d+)?)$/;
/**
 * A point in a video: seconds (`90`, `90.5`) or a clock time (`1:30`, `01:02:03.5`), as whole
 * milliseconds from the video's first frame.
 */
function parseVideoTime(value, name) {
    const text = parseText(value);
    if (text === null)
        return null;
    let seconds = null;
    if (SECONDS.test(text)) {
        seconds = Number(text);
    }
    else {
        const clock = CLOCK.exec(text);
        if (clock)
            seconds = Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
    }
    if (seconds === null || !Number.isFinite(seconds)) {
        throw (0,errors/* invalidParameterError */.pn)(name, 'a time in the video: seconds (e.g. 90.5) or hh:mm:ss (e.g. 01:30:00)', value);
    }
    return Math.round(seconds * 1000);
}

;// CONCATENATED MODULE: ./src/options/resolve.ts
/**
 * The run's options and their one validator. The CLI (argv) and the Action (inputs) both collect raw
 * strings into `RawOptions` and call `resolveOptions`; every message names the option as the user
 * spelled it, the value received and what was expected. Nothing is coerced silently.
 */










function decimal(raw, key, name, range) {
    return parseDecimal(raw[key], name(key), range);
}
function resolve_integer(raw, key, name, range) {
    return parseInteger(raw[key], name(key), range);
}
function resolve_text(raw, key) {
    return parseText(raw[key]);
}
/** Most inference workers accepted: each holds a copy of the model. */
const MAX_INFERENCE_WORKERS = 16;
function decodeOption(raw, name) {
    return parseChoice(raw.decode, name('decode'), DECODE_OPTIONS) ?? 'auto';
}
function workerCount(raw, name) {
    const value = resolve_text(raw, 'inference-workers');
    if (value === null || value === 'auto')
        return 'auto';
    const expected = `"auto" or an integer from 1 to ${MAX_INFERENCE_WORKERS}`;
    return parseInteger(value, name('inference-workers'), { min: 1, max: MAX_INFERENCE_WORKERS }, expected) ?? 'auto';
}
function sampling(raw, name) {
    const fps = decimal(raw, 'sample-fps', name, { min: 0, max: 240, minExclusive: true });
    const n = resolve_integer(raw, 'every-n-frames', name, { min: 1, max: 1_000_000 });
    if (fps !== null && n !== null) {
        throw (0,errors/* invalidParameterError */.pn)(`${name('sample-fps')} and ${name('every-n-frames')}`, 'one of the two', 'both');
    }
    if (n !== null)
        return { mode: 'every-n-frames', n };
    if (fps !== null)
        return { mode: 'fps', fps };
    return DEFAULT_SAMPLING;
}
/**
 * `start` / `end`: null when neither is given. A range seeks by time, so frame-count sampling (whose
 * grid is the decoder's frame counter) is refused with it.
 */
function timeRange(raw, name, sampled) {
    const startMs = parseVideoTime(raw.start, name('start'));
    const endMs = parseVideoTime(raw.end, name('end'));
    if (startMs === null && endMs === null)
        return null;
    if (endMs !== null && endMs <= (startMs ?? 0)) {
        throw (0,errors/* invalidParameterError */.pn)(name('end'), `a time after ${name('start')} (${(startMs ?? 0) / 1000} s)`, raw.end);
    }
    if (sampled.mode === 'every-n-frames') {
        const given = startMs === null ? 'end' : 'start';
        throw (0,errors/* invalidParameterError */.pn)(name(given), `no time range with ${name('every-n-frames')} (a range keeps the ${name('sample-fps')} grid only)`, raw[given]);
    }
    return { startMs: startMs ?? 0, endMs };
}
/** `cuda,cpu`: providers tried in order; CUDA falls back to the CPU with one warning. */
function providerList(raw, name) {
    const value = resolve_text(raw, 'execution-providers');
    if (value === null)
        return null;
    const names = value.split(',').map((part) => part.trim().toLowerCase());
    if (names.some((part) => !executionProviderSchema.options.includes(part))) {
        throw (0,errors/* invalidParameterError */.pn)(name('execution-providers'), `a comma-separated list of ${executionProviderSchema.options.join(', ')} such as "cuda,cpu"`, value);
    }
    return [...new Set(names)];
}
const SITE = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u;
/**
 * The default site name, from the first video's file name, made valid: characters outside the site
 * alphabet become "-", leading ones that cannot start a name are dropped, and it is cut to 100. A
 * file name is never a reason to refuse a run; a `site` the user typed still must be valid.
 */
function siteFromFileName(file) {
    const stem = external_node_path_default().basename(file, external_node_path_default().extname(file));
    const cleaned = stem
        .replace(/[^\p{L}\p{N} ._-]+/gu, '-')
        .replace(/^[^\p{L}\p{N}]+/u, '')
        .slice(0, 100)
        .trimEnd();
    return cleaned === '' ? 'site' : cleaned;
}
function classList(raw, name) {
    const value = resolve_text(raw, 'classes');
    if (value === null)
        return null;
    const names = value.split(',').map((part) => part.trim());
    if (names.some((part) => part === '')) {
        throw (0,errors/* invalidParameterError */.pn)(name('classes'), 'a comma-separated list of class names such as "person,car"', value);
    }
    return [...new Set(names)];
}
/** `coco` (always written: instances.json is the dataset's own file) and the formats asked for, in EXPORT_FORMATS order. */
function exportList(raw, name) {
    const value = resolve_text(raw, 'export');
    const asked = new Set(['coco']);
    if (value !== null) {
        for (const part of value.split(',').map((p) => p.trim().toLowerCase())) {
            if (!EXPORT_FORMATS.includes(part)) {
                throw (0,errors/* invalidParameterError */.pn)(name('export'), `a comma-separated list of ${EXPORT_FORMATS.join(', ')}`, value);
            }
            asked.add(part);
        }
    }
    return EXPORT_FORMATS.filter((format) => asked.has(format));
}
/** Most frames the labelling budget accepts. */
const MAX_SELECT = 1_000_000;
/** `--select` and `--select-only` (run, and merge choosing its own budget). */
function labellingBudget(raw, name = run_options_cliName) {
    const select = resolve_integer(raw, 'select', name, { min: 1, max: MAX_SELECT });
    const selectOnly = raw['select-only'] === true;
    if (selectOnly && select === null)
        throw (0,errors/* invalidParameterError */.pn)(name('select-only'), `to go with ${name('select')} (the number of frames to choose)`, 'no budget');
    return { select, selectOnly };
}
/** `model` is a file path or an https:// URL; `model-sha256` pins either. */
function modelInput(raw, name, cwd) {
    const model = resolve_text(raw, 'model');
    const sha256 = resolve_text(raw, 'model-sha256');
    if (sha256 !== null && !/^[0-9a-f]{64}$/.test(sha256)) {
        throw (0,errors/* invalidParameterError */.pn)(name('model-sha256'), 'a sha256 digest of 64 lowercase hex characters', sha256);
    }
    if (model === null) {
        if (sha256 !== null)
            throw (0,errors/* invalidParameterError */.pn)(name('model'), `a file or https:// URL to go with ${name('model-sha256')}`, raw.model);
        return { modelPath: null, modelUrl: null, modelSha256: null };
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(model)) {
        let url = null;
        try {
            url = new URL(model);
        }
        catch {
            url = null;
        }
        if (url?.protocol !== 'https:')
            throw (0,errors/* invalidParameterError */.pn)(name('model'), 'an ONNX file path or an https:// URL', model);
        return { modelPath: null, modelUrl: url.href, modelSha256: sha256 };
    }
    return { modelPath: external_node_path_default().resolve(cwd, model), modelUrl: null, modelSha256: sha256 };
}
/** A preset name stays as it is; anything else is a config file path, made absolute. */
function modelConfigSpec(value, cwd) {
    if (value === null)
        return DEFAULT_PRESET;
    return Object.hasOwn(PRESETS, value) ? value : external_node_path_default().resolve(cwd, value);
}
/** Validates raw options into `Options`; `cwd` resolves relative paths. */
function resolveOptions(raw, name = run_options_cliName, cwd = process.cwd()) {
    const videos = (raw.video ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (videos.length === 0)
        throw (0,errors/* invalidParameterError */.pn)(name('video'), 'at least one video file', raw.video?.[0]);
    const stems = videos.map((v) => external_node_path_default().basename(v, external_node_path_default().extname(v)));
    const repeated = stems.find((stem, i) => stems.indexOf(stem) !== i);
    if (repeated !== undefined) {
        throw (0,errors/* invalidParameterError */.pn)(name('video'), 'videos with distinct file names (images are named <video-stem>_<frame>.jpg)', `two videos named ${repeated}`);
    }
    const out = resolve_text(raw, 'out');
    if (out === null)
        throw (0,errors/* invalidParameterError */.pn)(name('out'), 'an output folder path', raw.out);
    const site = resolve_text(raw, 'site') ?? siteFromFileName(videos[0] ?? 'site');
    if (!SITE.test(site)) {
        throw (0,errors/* invalidParameterError */.pn)(name('site'), 'a name of letters, digits, spaces, ".", "_" or "-" (at most 100, starting with a letter or digit)', site);
    }
    const dedup = resolve_integer(raw, 'dedup-threshold', name, { min: DEDUP_DISABLED, max: 64 });
    const quality = {
        blackLuma: decimal(raw, 'black-luma', name, { min: 0, max: 255 }) ?? DEFAULT_QUALITY_THRESHOLDS.blackLuma,
        overexposedLuma: decimal(raw, 'overexposed-luma', name, { min: 0, max: 255 }) ?? DEFAULT_QUALITY_THRESHOLDS.overexposedLuma,
        blurThreshold: decimal(raw, 'blur-threshold', name, { min: 0, max: 1e6 }) ?? DEFAULT_QUALITY_THRESHOLDS.blurThreshold,
        blurRatio: decimal(raw, 'blur-ratio', name, { min: 0, max: 1 }) ?? DEFAULT_QUALITY_THRESHOLDS.blurRatio,
        blurWindow: resolve_integer(raw, 'blur-window', name, { min: 1, max: 1000 }) ?? DEFAULT_QUALITY_THRESHOLDS.blurWindow,
    };
    if (quality.blackLuma >= quality.overexposedLuma) {
        throw (0,errors/* invalidParameterError */.pn)(name('black-luma'), `a value below ${name('overexposed-luma')} (${quality.overexposedLuma})`, quality.blackLuma);
    }
    const model = modelInput(raw, name, cwd);
    const ffmpegPath = resolve_text(raw, 'ffmpeg-path');
    const pushgatewayUrl = resolve_text(raw, 'pushgateway-url');
    if (pushgatewayUrl !== null && parsePushgatewayUrl(pushgatewayUrl) === null) {
        throw (0,errors/* invalidParameterError */.pn)(name('pushgateway-url'), 'an http:// or https:// URL of a Prometheus Pushgateway', pushgatewayUrl);
    }
    const historyCsv = resolve_text(raw, 'history-csv');
    const sampled = sampling(raw, name);
    return {
        videos: videos.map((v) => external_node_path_default().resolve(cwd, v)),
        outDir: external_node_path_default().resolve(cwd, out),
        overwrite: raw.overwrite === true,
        resume: raw.resume === true,
        strict: raw.strict === true,
        site,
        sampling: sampled,
        decode: decodeOption(raw, name),
        timeRange: timeRange(raw, name, sampled),
        ...model,
        modelConfig: modelConfigSpec(resolve_text(raw, 'model-config'), cwd),
        dedupThreshold: dedup ?? DEFAULT_DEDUP_THRESHOLD,
        dedupLocalThreshold: decimal(raw, 'dedup-local-threshold', name, { min: 0, max: LOCAL_CHANGE_MAX }) ?? DEFAULT_DEDUP_LOCAL_THRESHOLD,
        confidence: decimal(raw, 'confidence', name, { min: 0, max: 1, minExclusive: true }),
        iou: decimal(raw, 'iou', name, { min: 0, max: 1, minExclusive: true }),
        maxDetections: resolve_integer(raw, 'max-detections', name, { min: 1, max: 10000 }),
        classes: classList(raw, name),
        quality,
        jpegQuality: resolve_integer(raw, 'jpeg-quality', name, { min: 1, max: 100 }) ?? 90,
        inferenceWorkers: workerCount(raw, name),
        ffmpegPath: ffmpegPath === null ? null : external_node_path_default().resolve(cwd, ffmpegPath),
        pushgatewayUrl,
        historyCsv: historyCsv === null ? null : external_node_path_default().resolve(cwd, historyCsv),
        pricePerHour: decimal(raw, 'price-per-hour', name, { min: 0, max: 1000 }),
        executionProviders: providerList(raw, name),
        exports: exportList(raw, name),
        labelStudioImages: resolve_text(raw, 'label-studio-images') ?? DEFAULT_LABEL_STUDIO_IMAGES,
        ...labellingBudget(raw, name),
        stallTimeoutSeconds: decimal(raw, 'stall-timeout', name, { min: 0, max: 86400, minExclusive: true }) ?? DEFAULT_STALL_TIMEOUT_SECONDS,
        downloadTimeoutSeconds: decimal(raw, 'download-timeout', name, { min: 0, max: 86400, minExclusive: true }) ?? DEFAULT_DOWNLOAD_TIMEOUT_SECONDS,
    };
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/domain/dataset-files.ts
/** The dataset folder's layout: every file and folder a run writes, relative to the dataset folder. */
const DATASET_FILES = {
    coco: 'annotations/instances.json',
    images: 'images',
    metrics: 'metrics.json',
    metricsCsv: 'metrics.csv',
    report: 'report.md',
    reportHtml: 'report.html',
    prometheus: 'metrics.prom',
    manifest: 'manifest.json',
};
/** `<video-stem>_<frame-index, 6 digits>.jpg`, e.g. `site-walkway_000300.jpg`. */
function imageFileName(videoStem, frameIndex) {
    return `${videoStem}_${String(frameIndex).padStart(6, '0')}.jpg`;
}
/**
 * The files of the exports (`--export`) and of the labelling budget (`--select`), written only when
 * asked for. `annotations/instances.json` (`DATASET_FILES.coco`) is the COCO export of every kept
 * image; with `--select-only` the COCO export of the selected images is `cocoSelected`.
 */
const EXPORT_FILES = {
    cocoSelected: 'annotations/instances-selected.json',
    yoloData: 'data.yaml',
    yoloLabels: 'labels',
    labelStudioTasks: 'annotations/label-studio-tasks.json',
    labelStudioConfig: 'annotations/label-studio-config.xml',
    cvat: 'annotations/cvat-images.xml',
    selection: 'selection.json',
    /** Each kept frame's appearance features, which `merge` chooses from again (pipeline/labelling-budget.ts). */
    selectionFeatures: 'selection-features.json',
};
/** The YOLO label file of an image: its name with `.txt` for the extension. */
function labelFileName(imageFile) {
    const dot = imageFile.lastIndexOf('.');
    return `${dot > 0 ? imageFile.slice(0, dot) : imageFile}.txt`;
}

;// CONCATENATED MODULE: ./src/report/format.ts
/**
 * Number and time formatting for the reports (Markdown, HTML, SVG charts). Fixed locale (en-US) and fixed
 * decimals, so the same numbers always give the same text whatever machine renders the report.
 */
const format_integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fixedFormats = new Map();
/** `1234.6` → `1,235`. Non-finite → `0`. */
function format_int(n) {
    return format_integer.format(Number.isFinite(n) ? n : 0);
}
/** `fixed(1234.5, 2)` → `1,234.50`. Non-finite → `0.00…`. */
function fixed(n, digits) {
    let format = fixedFormats.get(digits);
    if (!format) {
        format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
        fixedFormats.set(digits, format);
    }
    const text = format.format(Number.isFinite(n) ? n : 0);
    return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
const plainFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
/** Up to 4 decimals, trailing zeros dropped: `0.5` → `0.5`, `50` → `50`, `0.12345` → `0.1235`. */
function plain(n) {
    return plainFormat.format(Number.isFinite(n) ? n : 0).replace(/^-0$/, '0');
}
/** A ratio as a percentage: `0.1234` → `12.3%`. */
function percent(ratio, digits = 1) {
    return `${fixed(ratio * 100, digits)}%`;
}
/** `1234567` → `1.2 MB` (decimal units). */
function bytes(n) {
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let value = Number.isFinite(n) ? Math.max(0, n) : 0;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit += 1;
    }
    return unit === 0 ? `${format_int(value)} B` : `${fixed(value, 1)} ${units[unit]}`;
}
/** A duration in ms for people: `850` → `850 ms`, `12345` → `12.3 s`, `754000` → `12 min 34 s`. */
function format_duration(ms) {
    const value = Number.isFinite(ms) ? Math.max(0, ms) : 0;
    if (value < 1000)
        return `${format_int(value)} ms`;
    if (value < 60_000)
        return `${fixed(value / 1000, 1)} s`;
    const totalSeconds = Math.round(value / 1000);
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    const seconds = totalSeconds % 60;
    return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min ${seconds} s`;
}
/** A video position for axis labels: `0:00`, `1:05`, `1:02:03`; below a minute of range, `12 s`. */
function clock(ms, withSecondsSuffix = false) {
    const total = Math.round((Number.isFinite(ms) ? Math.max(0, ms) : 0) / 1000);
    if (withSecondsSuffix)
        return `${total} s`;
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = String(total % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
/** A coordinate for SVG output: at most 2 decimals, no `-0`, no exponent. */
function num(n) {
    if (!Number.isFinite(n))
        return '0';
    const rounded = Math.round(n * 100) / 100;
    return rounded === 0 ? '0' : String(rounded);
}
/**
 * The ISO date-time of the manifest (`2025-05-01T10:22:33.123Z`) as `2025-05-01 10:22 UTC`. Not a
 * valid date → the input, unchanged (the caller escapes it).
 */
function runDate(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime()))
        return iso;
    return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
/** What the class filter kept, as plain text: `only person (1 of 80 model classes; the rest are filtered out)`; null without one. */
function describeClassFilter(filter) {
    if (filter === null)
        return null;
    const rest = filter.modelClasses - filter.kept.length;
    const restText = rest > 0 ? `; the other ${format_int(rest)} are filtered out, not detected` : '';
    return `only ${filter.kept.join(', ')} (${format_int(filter.kept.length)} of ${format_int(filter.modelClasses)} model classes${restText})`;
}
/** The line about classes never detected: among the filter's classes when there is one, else the model's; null when none. */
function describeUndetected(detections) {
    const unseen = detections.classesWithoutDetections;
    if (unseen.length === 0)
        return null;
    if (detections.classFilter === null)
        return `${format_int(unseen.length)} model ${unseen.length === 1 ? 'class' : 'classes'} had no detections.`;
    const kept = detections.classFilter.kept.length;
    return `${format_int(unseen.length)} of the ${format_int(kept)} ${kept === 1 ? 'class' : 'classes'} in the class filter had no detections: ${unseen.join(', ')}.`;
}

;// CONCATENATED MODULE: ./src/report/text-cut.ts
/** Shortening user text for the reports: by characters (code points) or by UTF-8 bytes. */
/** Cuts `text` to `max` code points, the last being an ellipsis when anything was cut. */
function cut(text, max) {
    if (text.length <= max)
        return text; // UTF-16 length bounds the code point count
    // More than 2 × max UTF-16 units is more than max code points, whatever they are.
    const chars = [...text.slice(0, 2 * max)];
    if (chars.length <= max && text.length <= 2 * max)
        return text;
    return chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}
/** Cuts `text` to at most `limit` UTF-8 bytes without splitting a character. */
function cutToBytes(text, limit) {
    const buf = Buffer.from(text, 'utf8');
    if (buf.length <= limit)
        return text;
    let end = Math.max(0, limit);
    while (end > 0 && ((buf[end] ?? 0) & 0xc0) === 0x80)
        end -= 1; // back off a continuation byte
    return buf.subarray(0, end).toString('utf8');
}

;// CONCATENATED MODULE: ./src/report/html-escape.ts
/**
 * Text and links for report.html. Every user-controlled string (site, video, class and file names)
 * goes through `escapeHtml` (element text and quoted attribute values alike), and is length-capped
 * first with `cut`. Links are relative paths inside the dataset folder, percent-encoded per segment.
 */

/** User strings longer than this (in characters, before escaping) are cut with an ellipsis. */
const MAX_TEXT_LENGTH = 120;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * Escapes `& < > " '` so the text is inert both as element content and inside a quoted attribute.
 * Control characters (and U+2028/9) become spaces, and lone UTF-16 surrogates become U+FFFD.
 */
function escapeHtml(text) {
    return (text
        .replace(LONE_SURROGATE, '\uFFFD')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;'));
}
/** Cuts `text` to `max` code points (default `MAX_TEXT_LENGTH`), the last being an ellipsis when anything was cut. */
function html_escape_cut(text, max = MAX_TEXT_LENGTH) {
    return cut(text, max);
}
/** A user-controlled string, capped and escaped: safe to place in HTML text or a quoted attribute. */
function userText(text, max = MAX_TEXT_LENGTH) {
    return escapeHtml(html_escape_cut(text, max));
}
/**
 * A relative link to a file in the dataset folder (`images/a b#1.jpg` → `images/a%20b%231.jpg`), ready
 * for an `href`/`src` attribute: each path segment is percent-encoded, so `#`, `?`, `:` and `%` in a
 * file name cannot turn the link into a fragment, a query or a scheme. Empty, `.` and `..` segments
 * are dropped, so the link stays inside the folder.
 */
function relativeHref(relPath) {
    const segments = relPath
        .split(/[\\/]/)
        .filter((s) => s !== '' && s !== '.' && s !== '..')
        .map((s) => encodeURIComponent(s.replace(LONE_SURROGATE, '\uFFFD')));
    return escapeHtml(segments.join('/'));
}

;// CONCATENATED MODULE: ./src/report/report-model.ts



/** Frame outcomes in display order, with their colours (also used by the drops table). */
const OUTCOMES = [
    { key: 'kept', label: 'kept', color: '#2f9e63' },
    { key: 'duplicate', label: 'duplicate', color: '#a3acb9' },
    { key: 'blurred', label: 'blurred', color: '#e69a2e' },
    { key: 'black', label: 'black', color: '#3d4756' },
    { key: 'overexposed', label: 'overexposed', color: '#f0cf3c' },
    { key: 'corrupt', label: 'corrupt', color: '#d64541' },
];
function outcomeOf(frame) {
    return frame.outcome === 'kept' ? 'kept' : frame.reason;
}
/** Colours for classes, picked to stay apart from each other and readable under white text. */
const CLASS_PALETTE = [
    '#1f77d0', '#e8590c', '#2b9348', '#c2255c', '#7048e8', '#0c8599',
    '#b8860b', '#d6336c', '#5c940d', '#1864ab', '#862e9c', '#a61e4d',
];
/**
 * A class → colour function. The classes seen in the run get the palette's colours in the model's
 * class order (so a report's classes differ in colour as long as there are at most 12 of them, and
 * the same classes get the same colours in every report of a model); names the model does not list
 * come after, by name.
 */
function classColors(modelClasses, seen) {
    const modelIndex = new Map();
    modelClasses.forEach((name, i) => {
        if (!modelIndex.has(name))
            modelIndex.set(name, i);
    });
    const rank = (name) => modelIndex.get(name) ?? Number.MAX_SAFE_INTEGER;
    const ordered = [...new Set(seen)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    const index = new Map(ordered.map((name, i) => [name, i]));
    return (name) => CLASS_PALETTE[(index.get(name) ?? modelIndex.get(name) ?? 0) % CLASS_PALETTE.length] ?? '#1f77d0';
}
const DEFAULT_MAX_TIMELINE_MARKS = 1500;
const DEFAULT_MAX_TIMELINE_TRACKS = 12;
/** Each drawn track gets at least this many marks, however many tracks share the budget. */
const MIN_MARKS_PER_TRACK = 60;
function emptyCounts() {
    return OUTCOMES.map(() => 0);
}
/**
 * The marks of one video: one per frame when there are at most `cap` frames; otherwise the video's
 * time is cut into `cap` equal bins and each non-empty bin is a mark with the outcome counts of its
 * frames and the mean detections of its kept frames.
 */
function timelineMarks(frames, durationMs, cap) {
    const rows = [...frames]
        .filter((f) => Number.isFinite(f.timestampMs))
        .sort((a, b) => a.timestampMs - b.timestampMs || a.frameIndex - b.frameIndex);
    if (rows.length === 0)
        return { marks: [], durationMs: Math.max(0, durationMs), perMark: 0 };
    const gaps = rows.slice(1).map((f, i) => f.timestampMs - (rows[i]?.timestampMs ?? 0)).filter((g) => g > 0);
    const last = rows[rows.length - 1]?.timestampMs ?? 0;
    const step = median([...gaps].sort((a, b) => a - b)) || (durationMs > last ? durationMs - last : 1000);
    const axis = Math.max(durationMs > 0 ? durationMs : 0, last + Math.min(step, 1000));
    const index = new Map(OUTCOMES.map((o, i) => [o.key, i]));
    if (rows.length <= cap) {
        const marks = rows.map((frame) => {
            const counts = emptyCounts();
            counts[index.get(outcomeOf(frame)) ?? 0] = 1;
            const kept = frame.outcome === 'kept';
            return {
                startMs: frame.timestampMs,
                endMs: Math.min(axis, frame.timestampMs + step),
                counts,
                detections: kept ? frame.detections : null,
            };
        });
        return { marks, durationMs: axis, perMark: 1 };
    }
    const bins = Math.max(1, Math.floor(cap));
    const binMs = axis / bins;
    const acc = Array.from({ length: bins }, () => ({ counts: emptyCounts(), frames: 0, kept: 0, detections: 0 }));
    for (const frame of rows) {
        const bin = acc[Math.min(bins - 1, Math.max(0, Math.floor(frame.timestampMs / binMs)))];
        if (!bin)
            continue;
        const i = index.get(outcomeOf(frame)) ?? 0;
        bin.counts[i] = (bin.counts[i] ?? 0) + 1;
        bin.frames += 1;
        if (frame.outcome === 'kept') {
            bin.kept += 1;
            bin.detections += frame.detections ?? 0;
        }
    }
    const marks = [];
    let perMark = 0;
    acc.forEach((bin, i) => {
        if (bin.frames === 0)
            return;
        perMark = Math.max(perMark, bin.frames);
        marks.push({
            startMs: i * binMs,
            endMs: (i + 1) * binMs,
            counts: bin.counts,
            detections: bin.kept > 0 ? bin.detections / bin.kept : null,
        });
    });
    return { marks, durationMs: axis, perMark };
}
/** Maps a frame row's `video` (stem, file name or path) to its video in the metrics. */
function videoLookup(videos) {
    const byKey = new Map();
    for (const video of videos) {
        if (!byKey.has(video.stem))
            byKey.set(video.stem, video);
        if (!byKey.has(video.name))
            byKey.set(video.name, video);
    }
    return (name) => byKey.get(name) ?? byKey.get(name.split(/[\\/]/).pop() ?? name);
}
/** The timeline tracks, one per video with sampled frames (videos in run order), within the limits. */
function buildTimeline(metrics, frames, limits = {}) {
    const maxMarks = Math.max(1, Math.floor(limits.maxMarks ?? DEFAULT_MAX_TIMELINE_MARKS));
    const maxTracks = Math.max(1, Math.floor(limits.maxTracks ?? DEFAULT_MAX_TIMELINE_TRACKS));
    const lookup = videoLookup(metrics.videos);
    const byVideo = new Map();
    for (const frame of frames) {
        const video = lookup(frame.video);
        if (!video)
            continue;
        const list = byVideo.get(video);
        if (list)
            list.push(frame);
        else
            byVideo.set(video, [frame]);
    }
    const withFrames = metrics.videos.filter((v) => byVideo.has(v));
    const shown = withFrames.slice(0, maxTracks);
    const cap = Math.max(MIN_MARKS_PER_TRACK, Math.floor(maxMarks / Math.max(1, shown.length)));
    const tracks = shown.map((video) => {
        const rows = byVideo.get(video) ?? [];
        const { marks, durationMs, perMark } = timelineMarks(rows, video.durationSeconds * 1000, cap);
        const note = perMark <= 1
            ? `${format_int(rows.length)} sampled frames, one mark each`
            : `${format_int(rows.length)} sampled frames, up to ${format_int(perMark)} per mark`;
        return { label: html_escape_cut(video.name, 60), durationMs, marks, note };
    });
    return {
        tracks,
        categories: OUTCOMES.map((o) => ({ label: o.label, color: o.color })),
        hiddenVideos: withFrames.length - shown.length,
    };
}

;// CONCATENATED MODULE: ./src/pipeline/coco.ts
const round2 = (n) => Math.round(n * 100) / 100;
const round4 = (n) => Math.round(n * 10000) / 10000;
function buildCoco(kept, context) {
    const categoryId = new Map(context.categories.map((name, i) => [name, i + 1]));
    const videoRank = new Map(context.videoOrder.map((video, i) => [video, i]));
    const sorted = [...kept].sort((a, b) => (videoRank.get(a.video) ?? 0) - (videoRank.get(b.video) ?? 0) || a.frameIndex - b.frameIndex);
    const images = [];
    const annotations = [];
    sorted.forEach((image, i) => {
        const imageId = i + 1;
        images.push({
            id: imageId,
            file_name: image.file,
            width: image.width,
            height: image.height,
            video: image.video,
            frame_index: image.frameIndex,
            timestamp_ms: image.timestampMs,
            decode: image.decode,
            site: context.site,
        });
        for (const detection of image.detections) {
            const category = categoryId.get(detection.className);
            if (category === undefined)
                continue;
            const { x, y, width, height } = detection.box;
            const bbox = [round2(x), round2(y), round2(width), round2(height)];
            annotations.push({
                id: annotations.length + 1,
                image_id: imageId,
                category_id: category,
                bbox,
                area: round2(bbox[2] * bbox[3]),
                segmentation: [],
                iscrowd: 0,
                score: round4(detection.score),
            });
        }
    });
    return {
        info: {
            description: `dataset-gen pre-tagged frames for site ${context.site}`,
            version: context.toolVersion,
            contributor: 'dataset-gen',
            site: context.site,
            url: '',
        },
        licenses: [],
        images,
        annotations,
        categories: context.categories.map((name, i) => ({ id: i + 1, name, supercategory: 'object' })),
    };
}
function serializeCoco(dataset) {
    return `${JSON.stringify(dataset, null, 1)}\n`;
}

;// CONCATENATED MODULE: ./src/observe/csv.ts
/**
 * CSV writing per RFC 4180: fields containing a comma, double quote, CR or LF are quoted, inner
 * quotes doubled, records end in CRLF (the last one too), and columns come in a fixed order. Text
 * that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR: a video or
 * site name is user input) gets a leading `'`, so the file is data when opened in Excel or Sheets.
 */

const CRLF = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
/** One field: null/undefined and non-finite numbers become an empty cell. */
function csvField(value) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'number')
        return Number.isFinite(value) ? String(value) : '';
    const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
    return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function csvRecord(values) {
    return values.map(csvField).join(',') + CRLF;
}
/** A whole document: the header record, then one record per row. */
function toCsv(header, rows) {
    const parts = [csvRecord(header)];
    for (const row of rows) {
        if (row.length !== header.length) {
            throw new RangeError(`CSV row has ${row.length} fields but the header has ${header.length}`);
        }
        parts.push(csvRecord(row));
    }
    return parts.join('');
}
/** Columns of metrics.csv, in order. */
const FRAME_CSV_COLUMNS = [
    'video',
    'frame_index',
    'timestamp_ms',
    'outcome',
    'reason',
    'luma_mean',
    'blur_score',
    'phash_distance',
    'detections',
    'inference_ms',
    'image_file',
    'local_change',
];
/** Rounds measured values to 3 decimals so float noise does not reach the file. */
function measured(value) {
    if (value === null || !Number.isFinite(value))
        return null;
    const rounded = Math.round(value * 1000) / 1000;
    return rounded === 0 ? 0 : rounded;
}
function frameRow(frame) {
    const kept = frame.outcome === 'kept' ? frame : null;
    return [
        frame.video,
        frame.frameIndex,
        measured(frame.timestampMs),
        frame.outcome,
        frame.outcome === 'dropped' ? frame.reason : null,
        measured(frame.lumaMean),
        measured(frame.blurScore),
        frame.phashDistance,
        kept?.detections ?? null,
        measured(kept?.inferenceMs ?? null),
        kept?.imageFile ?? null,
        measured(frame.localChange),
    ];
}
/** metrics.csv: one row per sampled frame, in recorded order. */
function frameRowsCsv(frames) {
    return toCsv(FRAME_CSV_COLUMNS, frames.map(frameRow));
}
/** Parses an RFC 4180 document (as `toCsv` writes it) into records of fields. */
function parseCsv(text) {
    const records = [];
    let record = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            }
            else if (c === '"') {
                quoted = false;
            }
            else {
                field += c;
            }
        }
        else if (c === '"') {
            quoted = true;
        }
        else if (c === ',') {
            record.push(field);
            field = '';
        }
        else if (c === '\r' || c === '\n') {
            if (c === '\r' && text[i + 1] === '\n')
                i++;
            record.push(field);
            records.push(record);
            record = [];
            field = '';
        }
        else {
            field += c;
        }
    }
    if (field !== '' || record.length > 0)
        records.push([...record, field]);
    return records;
}
const numberOrNull = (cell) => (cell === undefined || cell === '' ? null : Number(cell));
/** metrics.csv read back into frame rows (what `frameRowsCsv` wrote; its values are already rounded). */
function frameRowsFromCsv(text) {
    const [header, ...rows] = parseCsv(text);
    // Files written before `local_change` was added have every column but that last one.
    const older = FRAME_CSV_COLUMNS.slice(0, -1).join(',');
    if (header?.join(',') !== FRAME_CSV_COLUMNS.join(',') && header?.join(',') !== older) {
        throw new RangeError(`unexpected metrics.csv columns: ${header?.join(',') ?? 'none'}`);
    }
    return rows.map((cells) => {
        const [video, frameIndex, timestampMs, outcome, reason, luma, blur, distance, detections, inferenceMs, imageFile, local] = cells;
        const base = {
            video: video ?? '',
            frameIndex: Number(frameIndex),
            timestampMs: Number(timestampMs),
            lumaMean: numberOrNull(luma),
            blurScore: numberOrNull(blur),
            phashDistance: numberOrNull(distance),
            localChange: numberOrNull(local),
        };
        if (outcome === 'kept') {
            return { ...base, outcome, detections: Number(detections), inferenceMs: Number(inferenceMs), imageFile: imageFile ?? '' };
        }
        if (!DROP_REASONS.includes(reason ?? ''))
            throw new RangeError(`unknown drop reason "${reason}" in metrics.csv`);
        return { ...base, outcome: 'dropped', reason: reason };
    });
}

;// CONCATENATED MODULE: ./src/domain/selection.ts
/**
 * The labelling budget (`--select N`): which kept frames a person should label first, and why. The
 * features it compares are measured on each kept frame's analysis image while the run filters it.
 */
/** Cells per side of the tile grid of `FrameFeatures.tiles`. */
const TILE_GRID = 4;

;// CONCATENATED MODULE: ./src/pipeline/local-change.ts
/**
 * How much one part of the frame changed: the pHash of the whole frame barely moves when one person
 * walks into a corner (docs/thresholds.md), so dedup also compares the 32x32 grid of mean luma that
 * the pHash is computed from (phash.ts `greySample`, about 20x15 pixels of the 640 px analysis image
 * per cell) with the last kept frame's. The frame-wide change (the median of the cells' changes) is
 * taken off first, so a global brightness step does not count; what is left in the cell that moved
 * most is the local change, in luma levels (0..255).
 */
/** The largest change of one cell after removing the median change over all cells; 0 for identical grids. */
function localChange(grey, reference) {
    if (grey.length !== reference.length || grey.length === 0) {
        throw new RangeError(`cannot compare luma grids of ${grey.length} and ${reference.length} cells`);
    }
    const deltas = new Float64Array(grey.length);
    for (let i = 0; i < grey.length; i++)
        deltas[i] = grey[i] - reference[i];
    const sorted = Float64Array.from(deltas).sort();
    const half = sorted.length >> 1;
    const offset = sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    let largest = 0;
    for (const delta of deltas)
        largest = Math.max(largest, Math.abs(delta - offset));
    return largest;
}

;// CONCATENATED MODULE: ./src/pipeline/phash.ts
const SAMPLE_SIZE = 32;
const LOW = 8;
/** COS[i][u] = cos((2i + 1) u π / 2N), for u = 1..8 only. */
const COS = Array.from({ length: SAMPLE_SIZE }, (_, i) => Float64Array.from({ length: LOW + 1 }, (_, u) => Math.cos(((2 * i + 1) / (2 * SAMPLE_SIZE)) * u * Math.PI)));
/**
 * 32x32 grey samples (row-major) of an RGB image: each sample is the mean BT.601 luma of the source
 * pixels whose centres fall in its cell. Large images are read on a sparser grid (every `step`-th
 * pixel and row, keeping at least 4 in each direction per cell): the hash only needs the means.
 */
function greySample(image) {
    const { rgb, width, height } = image;
    const sums = new Float64Array(SAMPLE_SIZE * SAMPLE_SIZE);
    const counts = new Float64Array(SAMPLE_SIZE * SAMPLE_SIZE);
    const step = Math.max(1, Math.floor(Math.min(width, height) / SAMPLE_SIZE / 4));
    const column = Int32Array.from({ length: width }, (_, x) => Math.min(SAMPLE_SIZE - 1, Math.floor(((x + 0.5) * SAMPLE_SIZE) / width)));
    for (let y = 0; y < height; y += step) {
        const row = Math.min(SAMPLE_SIZE - 1, Math.floor(((y + 0.5) * SAMPLE_SIZE) / height)) * SAMPLE_SIZE;
        for (let x = 0, p = y * width * 3; x < width; x += step, p += 3 * step) {
            const cell = row + column[x];
            sums[cell] += 0.299 * rgb[p] + 0.587 * rgb[p + 1] + 0.114 * rgb[p + 2];
            counts[cell] += 1;
        }
    }
    for (let i = 0; i < sums.length; i++)
        sums[i] = counts[i] > 0 ? sums[i] / counts[i] : 0;
    return sums;
}
/** sharp-phash's hash of 32x32 grey samples (row-major), as 64 characters '0'/'1'. */
function dctHash(grey) {
    if (grey.length !== SAMPLE_SIZE * SAMPLE_SIZE)
        throw new RangeError(`expected ${SAMPLE_SIZE * SAMPLE_SIZE} samples, got ${grey.length}`);
    // Rows first: partial[u][y] = Σx COS[x][u] · grey[y][x], for u = 1..8.
    const partial = new Float64Array(LOW * SAMPLE_SIZE);
    for (let y = 0; y < SAMPLE_SIZE; y++) {
        for (let x = 0; x < SAMPLE_SIZE; x++) {
            const value = grey[y * SAMPLE_SIZE + x];
            const cos = COS[x];
            for (let u = 1; u <= LOW; u++)
                partial[(u - 1) * SAMPLE_SIZE + y] += cos[u] * value;
        }
    }
    // Then columns: F[u][v] = Σy COS[y][v] · partial[u][y] / 4 (the DCT's c(u)c(v)/4 is 1/4 off DC).
    const coefficients = new Float64Array(LOW * LOW);
    let total = 0;
    for (let u = 0; u < LOW; u++) {
        for (let v = 1; v <= LOW; v++) {
            let sum = 0;
            for (let y = 0; y < SAMPLE_SIZE; y++)
                sum += COS[y][v] * partial[u * SAMPLE_SIZE + y];
            coefficients[u * LOW + (v - 1)] = sum / 4;
            total += sum / 4;
        }
    }
    const mean = total / (LOW * LOW);
    let bits = '';
    for (const value of coefficients)
        bits += value > mean ? '1' : '0';
    return bits;
}
/** The 64-bit pHash of a packed RGB image. */
function phash64(image) {
    return dctHash(greySample(image));
}

;// CONCATENATED MODULE: ./src/pipeline/dedup.ts



/** Hamming distance between two pHashes given as equal-length strings of '0' and '1'. */
function hammingDistance(a, b) {
    if (a.length !== b.length) {
        throw new RangeError(`cannot compare hashes of ${a.length} and ${b.length} bits`);
    }
    let distance = 0;
    for (let i = 0; i < a.length; i++) {
        if (a.charCodeAt(i) !== b.charCodeAt(i))
            distance++;
    }
    return distance;
}
/** One per video: frames are checked in sampling order against the last kept one since the last checkpoint. */
class Deduplicator {
    threshold;
    localThreshold;
    reference = null;
    checkpoint = -1;
    /**
     * @param threshold A frame is a duplicate when its distance to the last kept frame is <= this.
     *   0 drops only frames with an identical hash; -1 (`DEDUP_DISABLED`) keeps every frame.
     * @param localThreshold ... and its local change is <= this (0..255; 255 leaves the decision to the pHash).
     */
    constructor(threshold = DEFAULT_DEDUP_THRESHOLD, localThreshold = DEFAULT_DEDUP_LOCAL_THRESHOLD) {
        this.threshold = threshold;
        this.localThreshold = localThreshold;
        if (!Number.isInteger(threshold) || threshold < DEDUP_DISABLED || threshold > HASH_BITS) {
            throw new RangeError(`dedup threshold must be an integer from ${DEDUP_DISABLED} (off) to ${HASH_BITS}; got ${threshold}`);
        }
        if (!Number.isFinite(localThreshold) || localThreshold < 0 || localThreshold > LOCAL_CHANGE_MAX) {
            throw new RangeError(`dedup local threshold must be from 0 to ${LOCAL_CHANGE_MAX}; got ${localThreshold}`);
        }
    }
    /** Checks a frame sampled at `timestampMs` (frames come in time order). */
    check(image, timestampMs) {
        if (this.threshold === DEDUP_DISABLED)
            return { distance: null, localChange: null, duplicate: false, hash: null };
        const grey = greySample(image);
        const hash = dctHash(grey);
        const checkpoint = Math.floor(timestampMs / DEDUP_CHECKPOINT_MS);
        if (checkpoint !== this.checkpoint) {
            this.checkpoint = checkpoint;
            this.reference = null;
        }
        if (this.reference === null) {
            this.reference = { hash, grey };
            return { distance: null, localChange: null, duplicate: false, hash };
        }
        const distance = hammingDistance(hash, this.reference.hash);
        // Rounded before comparing, so the recorded figure decides exactly as it reads.
        const local = Math.round(localChange(grey, this.reference.grey) * 10) / 10;
        const duplicate = distance <= this.threshold && local <= this.localThreshold;
        if (!duplicate)
            this.reference = { hash, grey };
        return { distance, localChange: local, duplicate, hash };
    }
}

;// CONCATENATED MODULE: ./src/pipeline/select-frames.ts

/** Appearance distance of two frames, 0 (same) to 1. */
function frameDistance(a, b) {
    const bits = hammingDistance(a.phash, b.phash) / a.phash.length;
    let diff = 0;
    const n = Math.min(a.tiles.length, b.tiles.length);
    for (let i = 0; i < n; i++)
        diff += Math.abs(a.tiles[i] - b.tiles[i]);
    const colour = n > 0 ? diff / n / 255 : 0;
    return 0.5 * bits + 0.5 * colour;
}
const select_frames_round4 = (n) => Math.round(n * 10000) / 10000;
function sortedNames(names) {
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
/** The better of two candidates by `key` (larger wins), then more detections, then earlier. */
function best(candidates, key) {
    let winner = null;
    let winnerKey = -Infinity;
    for (const c of candidates) {
        if (c.picked)
            continue;
        const k = key(c);
        if (winner === null || k > winnerKey || (k === winnerKey && c.image.detections.length > winner.image.detections.length)) {
            winner = c;
            winnerKey = k;
        }
    }
    return winner;
}
/**
 * Chooses up to `n` of `kept` (in run order) using their `features` (every kept image must have
 * them). Deterministic.
 */
function selectFrames(kept, features, n) {
    const candidates = kept.map((image) => {
        const f = features.get(image.file);
        if (!f)
            throw new Error(`no appearance features recorded for ${image.file}`);
        return { image, features: f, classes: new Set(image.detections.map((d) => d.className)), nearest: Infinity, picked: false };
    });
    const frameCount = new Map();
    for (const c of candidates)
        for (const name of c.classes)
            frameCount.set(name, (frameCount.get(name) ?? 0) + 1);
    const classes = sortedNames(frameCount.keys())
        .map((name) => ({ name, frames: frameCount.get(name) ?? 0 }))
        .sort((a, b) => a.frames - b.frames);
    const selected = [];
    const covered = new Set();
    const target = Math.min(n, candidates.length);
    const pick = (c, reason, why) => {
        const distance = selected.length === 0 ? null : select_frames_round4(c.nearest);
        c.picked = true;
        for (const name of c.classes)
            covered.add(name);
        for (const other of candidates)
            if (!other.picked)
                other.nearest = Math.min(other.nearest, frameDistance(other.features, c.features));
        selected.push({
            rank: selected.length + 1,
            file: c.image.file,
            video: c.image.video,
            frameIndex: c.image.frameIndex,
            timestampMs: c.image.timestampMs,
            detections: c.image.detections.length,
            classes: sortedNames(c.classes),
            reason,
            why,
            distance,
        });
    };
    for (const { name, frames } of classes) {
        if (selected.length >= target)
            break;
        if (covered.has(name))
            continue;
        const showing = candidates.filter((c) => c.classes.has(name));
        const topScore = (c) => Math.max(...c.image.detections.filter((d) => d.className === name).map((d) => d.score));
        const chosen = best(showing, selected.length === 0 ? topScore : (c) => c.nearest);
        if (chosen)
            pick(chosen, 'class', `first pick with ${name} (in ${frames} of ${candidates.length} kept frames)`);
    }
    while (selected.length < target) {
        const chosen = selected.length === 0 ? best(candidates, (c) => c.image.detections.length) : best(candidates, (c) => c.nearest);
        if (!chosen)
            break;
        pick(chosen, 'spread', selected.length === 0 ? 'the frame with the most detections, to start from' : `least like the earlier picks (distance ${select_frames_round4(chosen.nearest)} to the nearest)`);
    }
    return { requested: n, candidates: candidates.length, classes, selected };
}

;// CONCATENATED MODULE: ./src/export/xml.ts
/** Escapes text for an XML attribute value or element content. */
function escapeXml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
}

;// CONCATENATED MODULE: ./src/export/cvat.ts


const px = (value) => value.toFixed(2);
function cvatExport(coco, context) {
    const labelOf = new Map(coco.categories.map((c) => [c.id, c.name]));
    const boxes = new Map(coco.images.map((image) => [image.id, []]));
    for (const annotation of coco.annotations) {
        const label = labelOf.get(annotation.category_id);
        if (label === undefined)
            continue;
        const [x, y, w, h] = annotation.bbox;
        boxes.get(annotation.image_id)?.push(`    <box label="${escapeXml(label)}" source="auto" occluded="0" xtl="${px(x)}" ytl="${px(y)}" xbr="${px(x + w)}" ybr="${px(y + h)}" z_order="0">\n    </box>`);
    }
    const lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<annotations>',
        '  <version>1.1</version>',
        '  <meta>',
        '    <task>',
        `      <name>${escapeXml(context.taskName)}</name>`,
        `      <size>${coco.images.length}</size>`,
        '      <mode>annotation</mode>',
        '      <overlap>0</overlap>',
        '      <labels>',
        ...coco.categories.flatMap((c) => [
            '        <label>',
            `          <name>${escapeXml(c.name)}</name>`,
            `          <color>${escapeXml(context.colorOf(c.name))}</color>`,
            '          <type>rectangle</type>',
            '          <attributes>',
            '          </attributes>',
            '        </label>',
        ]),
        '      </labels>',
        '    </task>',
        '  </meta>',
        ...coco.images.flatMap((image, i) => {
            const inner = boxes.get(image.id) ?? [];
            return [
                `  <image id="${i}" name="${escapeXml(image.file_name)}" width="${image.width}" height="${image.height}">`,
                ...inner,
                '  </image>',
            ];
        }),
        '</annotations>',
        '',
    ];
    return [{ path: EXPORT_FILES.cvat, content: lines.join('\n') }];
}

;// CONCATENATED MODULE: ./src/export/label-studio.ts


/** Names the config and the regions share. */
const LABEL_STUDIO_NAMES = { image: 'image', labels: 'label' };
/** The labelling config: the image and a rectangle label per COCO category, in category order. */
function labelStudioConfig(coco, colorOf) {
    const { image, labels } = LABEL_STUDIO_NAMES;
    return [
        '<View>',
        `  <Image name="${image}" value="$${image}" zoom="true"/>`,
        `  <RectangleLabels name="${labels}" toName="${image}">`,
        ...coco.categories.map((c) => `    <Label value="${escapeXml(c.name)}" background="${escapeXml(colorOf(c.name))}"/>`),
        '  </RectangleLabels>',
        '</View>',
        '',
    ].join('\n');
}
const label_studio_percent = (value, of) => (value / of) * 100;
function labelStudioExport(coco, context) {
    const labelOf = new Map(coco.categories.map((c) => [c.id, c.name]));
    const regions = new Map(coco.images.map((image) => [image.id, []]));
    const images = new Map(coco.images.map((image) => [image.id, image]));
    for (const annotation of coco.annotations) {
        const image = images.get(annotation.image_id);
        const label = labelOf.get(annotation.category_id);
        if (!image || label === undefined)
            continue;
        const [x, y, w, h] = annotation.bbox;
        regions.get(image.id)?.push({
            id: `box${annotation.id}`,
            from_name: LABEL_STUDIO_NAMES.labels,
            to_name: LABEL_STUDIO_NAMES.image,
            type: 'rectanglelabels',
            origin: 'prediction',
            original_width: image.width,
            original_height: image.height,
            image_rotation: 0,
            value: { x: label_studio_percent(x, image.width), y: label_studio_percent(y, image.height), width: label_studio_percent(w, image.width), height: label_studio_percent(h, image.height), rotation: 0, rectanglelabels: [label] },
            score: annotation.score,
        });
    }
    const tasks = coco.images.map((image) => {
        const result = regions.get(image.id) ?? [];
        const mean = result.length > 0 ? result.reduce((sum, r) => sum + r.score, 0) / result.length : 0;
        return {
            data: {
                [LABEL_STUDIO_NAMES.image]: `${context.imagePrefix}${encodeURIComponent(image.file_name)}`,
                file_name: image.file_name,
                video: image.video,
                frame_index: image.frame_index,
                timestamp_ms: image.timestamp_ms,
            },
            predictions: [{ model_version: context.modelVersion, score: Math.round(mean * 10000) / 10000, result }],
        };
    });
    return [
        { path: EXPORT_FILES.labelStudioTasks, content: `${JSON.stringify(tasks, null, 1)}\n` },
        { path: EXPORT_FILES.labelStudioConfig, content: labelStudioConfig(coco, context.colorOf) },
    ];
}

;// CONCATENATED MODULE: ./src/export/yolo.ts

/** Eight decimals: under 1e-4 px of error on an 8K-wide image. */
const normalised = (value) => value.toFixed(8);
/** A YAML double-quoted scalar. */
function yamlString(text) {
    return JSON.stringify(text);
}
/** Class number of each COCO category id: its place in the model's classes. */
function classNumbers(coco, modelClasses) {
    const names = [...modelClasses];
    const byCategory = new Map();
    for (const category of coco.categories) {
        let index = names.indexOf(category.name);
        if (index < 0)
            index = names.push(category.name) - 1;
        byCategory.set(category.id, index);
    }
    return { names, byCategory };
}
function yoloExport(coco, context) {
    const { names, byCategory } = classNumbers(coco, context.modelClasses);
    const lines = new Map(coco.images.map((image) => [image.id, []]));
    const sizes = new Map(coco.images.map((image) => [image.id, image]));
    for (const annotation of coco.annotations) {
        const image = sizes.get(annotation.image_id);
        const classNumber = byCategory.get(annotation.category_id);
        if (!image || classNumber === undefined)
            continue;
        const [x, y, w, h] = annotation.bbox;
        lines.get(image.id)?.push([String(classNumber), normalised((x + w / 2) / image.width), normalised((y + h / 2) / image.height), normalised(w / image.width), normalised(h / image.height)].join(' '));
    }
    const labels = coco.images.map((image) => {
        const rows = lines.get(image.id) ?? [];
        return { path: `${EXPORT_FILES.yoloLabels}/${labelFileName(image.file_name)}`, content: rows.length > 0 ? `${rows.join('\n')}\n` : '' };
    });
    const yaml = [
        '# Ultralytics YOLO detection dataset written by dataset-gen: images/ and labels/ beside this file.',
        'path: .',
        'train: images',
        'val: images',
        `nc: ${names.length}`,
        'names:',
        ...names.map((name, i) => `  ${i}: ${yamlString(name)}`),
        '',
    ].join('\n');
    return [{ path: EXPORT_FILES.yoloData, content: yaml }, ...labels];
}

;// CONCATENATED MODULE: ./src/pipeline/write-exports.ts
/**
 * Writes the exports asked for (`--export`) into the staging folder, each made from the same COCO
 * records as `annotations/instances.json` (never by detecting again): of every kept image, or with
 * `--select-only` of the selected ones (their COCO file then is `annotations/instances-selected.json`).
 * Returns what was written, for the recorder, the manifest and the reports.
 */







function filesOf(job, format) {
    switch (format) {
        case 'coco':
            // instances.json (every kept image) is written by the run itself; only the selection needs its own file.
            return job.selectedOnly ? [{ path: EXPORT_FILES.cocoSelected, content: serializeCoco(job.coco) }] : [];
        case 'yolo':
            return yoloExport(job.coco, { modelClasses: job.modelClasses });
        case 'label-studio':
            return labelStudioExport(job.coco, { imagePrefix: job.labelStudioImages, modelVersion: job.modelVersion, colorOf: job.colorOf });
        case 'cvat':
            return cvatExport(job.coco, { taskName: job.site, colorOf: job.colorOf });
    }
}
/** The files and folders an export lists: a folder of per-image files is listed once. */
function listed(format, files, selectedOnly) {
    if (format === 'coco' && !selectedOnly)
        return [DATASET_FILES.coco];
    const top = files.map((f) => (f.path.startsWith(`${EXPORT_FILES.yoloLabels}/`) ? `${EXPORT_FILES.yoloLabels}/` : f.path));
    return [...new Set(top)];
}
async function writeExports(job) {
    const records = [];
    for (const format of job.formats) {
        const files = filesOf(job, format);
        const folders = [...new Set(files.map((f) => external_node_path_default().dirname(external_node_path_default().join(job.dir, f.path))))];
        await Promise.all(folders.map((folder) => (0,promises_namespaceObject.mkdir)(folder, { recursive: true })));
        for (const file of files)
            await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(job.dir, file.path), file.content);
        records.push({ format, files: listed(format, files, job.selectedOnly), images: job.coco.images.length, boxes: job.coco.annotations.length });
    }
    return records;
}

;// CONCATENATED MODULE: ./src/pipeline/labelling-budget.ts
/**
 * The labelling budget (`--select`, `--select-only`) and the exports (`--export`), written the same
 * way by a run and by `merge`: the choice (selection.json); the appearance features of every kept
 * frame it chose from (selection-features.json), which `merge` chooses from again, so that merged
 * time ranges choose what one run over the whole video chooses; then the exports, of every kept
 * frame or of the chosen ones.
 */







const TILE_VALUES = TILE_GRID * TILE_GRID * 3;
/** The file's text: one kept frame per line, so that it diffs and streams line by line. */
function serializeSelectionFeatures(kept, features) {
    const lines = kept.map(({ file }) => {
        const f = features.get(file);
        if (!f)
            throw new Error(`no appearance features recorded for ${file}`);
        return JSON.stringify({ file, phash: f.phash, tiles: f.tiles });
    });
    return `{"tileGrid":${TILE_GRID},"frames":[\n${lines.join(',\n')}\n]}\n`;
}
function isFrameEntry(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const { file, phash, tiles } = value;
    return (typeof file === 'string' &&
        typeof phash === 'string' &&
        /^[01]{64}$/.test(phash) &&
        Array.isArray(tiles) &&
        tiles.length === TILE_VALUES &&
        tiles.every((t) => typeof t === 'number' && t >= 0 && t <= 255));
}
/** The features of a parsed selection-features.json, by image file. Throws an Error saying what is wrong. */
function parseSelectionFeatures(value) {
    const file = value;
    if (typeof file !== 'object' || file === null || !Array.isArray(file.frames))
        throw new Error('expected an object with a "frames" list');
    if (file.tileGrid !== TILE_GRID)
        throw new Error(`expected tileGrid ${TILE_GRID}, found ${JSON.stringify(file.tileGrid)}`);
    const features = new Map();
    for (const [i, entry] of file.frames.entries()) {
        if (!isFrameEntry(entry))
            throw new Error(`frames[${i}] is not {file, phash: 64 bits as 0/1, tiles: ${TILE_VALUES} values 0-255}`);
        features.set(entry.file, { phash: entry.phash, tiles: entry.tiles });
    }
    return features;
}
/** Chooses the labelling budget (when asked for), writes its two files, then the exports. */
async function writeLabelling(job) {
    const selection = job.select === null ? null : selectFrames(job.kept, job.features, job.select);
    const selectedOnly = job.selectOnly && selection !== null;
    if (selection) {
        await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(job.dir, EXPORT_FILES.selection), `${JSON.stringify(selection, null, 2)}\n`);
        await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(job.dir, EXPORT_FILES.selectionFeatures), serializeSelectionFeatures(job.kept, job.features));
    }
    const chosen = new Set(selection?.selected.map((s) => s.file));
    const coco = selectedOnly ? buildCoco(job.kept.filter((k) => chosen.has(k.file)), job.cocoContext) : job.coco;
    const exports = await writeExports({ ...job.exports, dir: job.dir, coco, selectedOnly });
    return { selection, selectedOnly, exports };
}

;// CONCATENATED MODULE: ./src/pipeline/dataset-part.ts
/**
 * A finished dataset read back for `merge`: its manifest, COCO file, frame rows (metrics.csv) and
 * metrics, with its kept images rebuilt from the COCO file (whose numbers are already rounded, so
 * building COCO from them again gives the same bytes), and, when it was made with a labelling budget
 * (`--select`), its kept frames' appearance features (selection-features.json).
 */






async function readPartFile(dir, given, file) {
    try {
        return await (0,promises_namespaceObject.readFile)(external_node_path_default().join(dir, file), 'utf8');
    }
    catch (error) {
        const code = error.code ?? 'unreadable';
        throw new errors/* UsageError */.eb(`${given} is not a finished dataset-gen dataset: ${file} is missing (${code}); pass folders written by dataset-gen run`);
    }
}
function parseJson(text, given, file) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`${given}: ${file} is not valid JSON (${error.message})`);
    }
}
/** The kept images of a COCO file, with each detection's class index in the model's class list. */
function keptFromCoco(coco, classNames) {
    const nameOf = new Map(coco.categories.map((c) => [c.id, c.name]));
    const byImage = new Map();
    for (const a of coco.annotations) {
        const className = nameOf.get(a.category_id) ?? '';
        const [x, y, width, height] = a.bbox;
        const list = byImage.get(a.image_id) ?? [];
        list.push({ classIndex: classNames.indexOf(className), className, score: a.score, box: { x, y, width, height } });
        byImage.set(a.image_id, list);
    }
    return coco.images.map((image) => ({
        file: image.file_name,
        video: image.video,
        frameIndex: image.frame_index,
        timestampMs: image.timestamp_ms,
        decode: image.decode,
        width: image.width,
        height: image.height,
        detections: byImage.get(image.id) ?? [],
    }));
}
async function readDatasetPart(given, cwd) {
    const dir = external_node_path_default().resolve(cwd, given);
    const [manifestText, cocoText, metricsText, csvText] = await Promise.all([DATASET_FILES.manifest, DATASET_FILES.coco, DATASET_FILES.metrics, DATASET_FILES.metricsCsv].map((file) => readPartFile(dir, given, file)));
    const manifest = parseJson(manifestText, given, DATASET_FILES.manifest);
    if (manifest.schemaVersion !== 1 || manifest.tool?.name !== 'dataset-gen') {
        throw new errors/* UsageError */.eb(`${given}: ${DATASET_FILES.manifest} is not a dataset-gen manifest (schema 1)`);
    }
    const coco = parseJson(cocoText, given, DATASET_FILES.coco);
    let frames;
    try {
        frames = frameRowsFromCsv(csvText);
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`${given}: ${DATASET_FILES.metricsCsv} cannot be read: ${error.message}`);
    }
    const kept = keptFromCoco(coco, manifest.model.classNames);
    return {
        dir,
        given,
        manifest,
        coco,
        metrics: parseJson(metricsText, given, DATASET_FILES.metrics),
        frames,
        kept,
        features: typeof manifest.config.select === 'number' ? await readFeatures(dir, given, kept) : null,
    };
}
/** A part's selection-features.json, checked to hold every kept image. */
async function readFeatures(dir, given, kept) {
    const file = EXPORT_FILES.selectionFeatures;
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(external_node_path_default().join(dir, file), 'utf8');
    }
    catch (error) {
        const code = error.code ?? 'unreadable';
        throw new errors/* UsageError */.eb(`${given} was made with a labelling budget (--select) but has no ${file} (${code}), which merge needs to choose the budget again over the merged frames; make it again with this version of dataset-gen`);
    }
    const parsed = parseJson(text, given, file);
    let features;
    try {
        features = parseSelectionFeatures(parsed);
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`${given}: ${file} cannot be read: ${error.message}`);
    }
    const missing = kept.find((image) => !features.has(image.file));
    if (missing)
        throw new errors/* UsageError */.eb(`${given}: ${file} has no features for ${missing.file}, a kept image; the dataset was changed after it was made`);
    return features;
}

;// CONCATENATED MODULE: external "onnxruntime-node"
var x = (y) => {
	var x = {}; __nccwpck_require__.d(x, y); return x
} 
var y = (x) => (() => (x))
const external_onnxruntime_node_namespaceObject = x({ ["env"]: () => (__WEBPACK_EXTERNAL_MODULE_onnxruntime_node_6a60201e__.env) });
;// CONCATENATED MODULE: external "sharp"
var external_sharp_x = (y) => {
	var x = {}; __nccwpck_require__.d(x, y); return x
} 
var external_sharp_y = (x) => (() => (x))
const external_sharp_namespaceObject = external_sharp_x({ ["default"]: () => (__WEBPACK_EXTERNAL_MODULE_sharp__["default"]) });
;// CONCATENATED MODULE: ./src/pipeline/manifest.ts
/**
 * manifest.json: what produced this dataset, written last. Versions of every tool, the fully resolved
 * configuration, sha256 of every input video and of the model, and the counts.
 */




/** The model config with a source URL cut to scheme, host and path (see domain/url-redaction.ts). */
function redactedModelConfig(config) {
    const { source } = config;
    return source && 'url' in source ? { ...config, source: { ...source, url: redactUrl(source.url) } } : config;
}
function buildManifest(input) {
    const { options, metrics } = input;
    const { videos: _videos, outDir: _outDir, pushgatewayUrl: _push, historyCsv: _history, resume: _resume, ...config } = options;
    const { manifest: _manifest, ...datasetFiles } = DATASET_FILES;
    return {
        schemaVersion: 1,
        tool: { name: 'dataset-gen', version: input.toolVersion, gitCommit: input.gitCommit },
        runtime: {
            node: process.version,
            platform: `${process.platform}-${process.arch}`,
            ffmpeg: { ...input.tools.ffmpeg, source: input.tools.source },
            ffprobe: input.tools.ffprobe,
            onnxruntime: external_onnxruntime_node_namespaceObject.env.versions.node ?? external_onnxruntime_node_namespaceObject.env.versions.common,
            sharp: external_sharp_namespaceObject["default"].versions.sharp ?? 'unknown',
            libvips: external_sharp_namespaceObject["default"].versions.vips,
            executionProviders: input.providers,
            decoder: input.decoder,
        },
        run: {
            id: input.runId,
            startedAt: input.startedAt.toISOString(),
            finishedAt: input.finishedAt.toISOString(),
            wallSeconds: Math.round((input.finishedAt.getTime() - input.startedAt.getTime()) / 10) / 100,
        },
        config: { ...config, modelUrl: config.modelUrl === null ? null : redactUrl(config.modelUrl), model: redactedModelConfig(input.modelConfig) },
        model: {
            path: input.model.path,
            sha256: input.model.sha256,
            origin: input.model.origin,
            url: input.model.url === null ? null : redactUrl(input.model.url),
            pinned: input.model.pinned,
            classNames: input.classNames,
        },
        videos: input.videos.map((v) => ({
            path: v.info.path,
            stem: v.info.stem,
            sha256: v.sha256,
            decode: v.decode.mode,
            decodeReason: v.decode.reason,
            sizeBytes: v.info.sizeBytes,
            container: v.info.container,
            codec: v.info.codec,
            durationSeconds: v.info.durationSeconds,
            fps: v.info.fps,
            width: v.info.width,
            height: v.info.height,
            rotation: v.info.rotation,
            frameCount: v.info.frameCount,
            frameCountExact: v.info.frameCountExact,
            framesDecoded: v.framesDecoded,
            decodeErrors: v.decodeErrors,
            truncatedAtSeconds: v.truncatedAtMs === undefined ? null : Math.round(v.truncatedAtMs) / 1000,
        })),
        counts: manifestCounts(metrics),
        files: datasetFiles,
        exports: metrics.exports,
        selection: manifestSelection(metrics),
    };
}
/** The manifest's entry for the labelling budget, from the metrics; null when none was asked for. */
function manifestSelection(metrics) {
    const { selection } = metrics;
    if (selection === null)
        return null;
    return { file: EXPORT_FILES.selection, featuresFile: EXPORT_FILES.selectionFeatures, frames: selection.selected, exportsOnlySelected: selection.exportsOnlySelected };
}
function manifestCounts(metrics) {
    return {
        framesDecoded: metrics.frames.decoded,
        framesSampled: metrics.frames.sampled,
        images: metrics.images,
        detections: metrics.detections.total,
        dropped: { ...metrics.frames.droppedByReason },
        frameDropRatio: metrics.frameDropRatio,
    };
}

;// CONCATENATED MODULE: ./src/pipeline/merge-check.ts
/**
 * Whether datasets can be joined: made by the same tool version with the same model (weights and
 * classes) and the same configuration apart from the time range. The refusal names the first field
 * that differs and both values.
 */

/** The first path (`a.b[2]`) where two JSON values differ, with both values; null when equal. */
function firstDifference(a, b, at = '') {
    if (Object.is(a, b))
        return null;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
        return { path: at, a, b };
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        for (let i = 0; i < Math.max(a.length, b.length); i++) {
            const found = firstDifference(a[i], b[i], `${at}[${i}]`);
            if (found)
                return found;
        }
        return null;
    }
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
        const found = firstDifference(a[key], b[key], at === '' ? key : `${at}.${key}`);
        if (found)
            return found;
    }
    return null;
}
/** What must be equal across the parts; the time range (and `overwrite`, `pricePerHour`) legitimately differ. */
function comparable(manifest) {
    const { timeRange: _range, overwrite: _overwrite, pricePerHour: _price, executionProviders: _providers, ...config } = manifest.config;
    return {
        'tool.version': manifest.tool.version,
        'model.sha256': manifest.model.sha256,
        'model.classNames': manifest.model.classNames,
        // The providers that ran may differ (a CPU job and a GPU job); the model's own settings may not.
        config: { ...config, model: { ...config.model, executionProviders: null } },
    };
}
const show = (value) => (value === undefined ? 'nothing' : JSON.stringify(value));
function checkMergeable(parts) {
    const [first, ...rest] = parts;
    if (!first)
        return;
    const reference = comparable(first.manifest);
    for (const part of rest) {
        const found = firstDifference(reference, comparable(part.manifest));
        if (found) {
            throw new errors/* ConfigError */.xL(`Cannot merge ${part.given} with ${first.given}: they were made with different ${found.path} (${show(found.b)} in ${part.given}, ${show(found.a)} in ${first.given}); merge only datasets of one model and config`);
        }
    }
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/pipeline/output-dir.ts
/**
 * The dataset is written into a hidden sibling of the output folder and renamed into place only when
 * the run succeeds, so a failed or interrupted run never leaves a folder that looks complete. A run
 * stages in `.<out>.partial` (one name, so that `--resume` finds it again); `merge` in a random one.
 */







/** The run's staging folder: `.<out>.partial` beside `outDir`. */
function stagingDirOf(outDir) {
    return external_node_path_default().join(external_node_path_default().dirname(outDir), `.${external_node_path_default().basename(outDir)}.partial`);
}
async function realOrResolved(file) {
    return (0,promises_namespaceObject.realpath)(file).catch(() => external_node_path_default().resolve(file));
}
function isInside(folder, file) {
    const rel = external_node_path_default().relative(folder, file);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
/** True when `dir` holds a manifest.json written by dataset-gen (a run or a merge). */
async function isDataset(dir) {
    const text = await (0,promises_namespaceObject.readFile)(external_node_path_default().join(dir, DATASET_FILES.manifest), 'utf8').catch(() => null);
    if (text === null)
        return false;
    try {
        const manifest = JSON.parse(text);
        return manifest.schemaVersion === 1 && manifest.tool?.name === 'dataset-gen';
    }
    catch {
        return false;
    }
}
/** Why `--overwrite` must not replace `outDir` (an existing folder), or null when it may. */
async function overwriteRefusal(outDir, entries, guard, name) {
    const real = await realOrResolved(outDir);
    const home = await realOrResolved(guard.home ?? external_node_os_default().homedir());
    const cwd = await realOrResolved(guard.cwd ?? process.cwd());
    if (real === external_node_path_default().parse(real).root)
        return 'it is the root folder';
    if (real === home)
        return 'it is the home folder';
    if (isInside(real, home))
        return `it holds the home folder ${home}`;
    if (real === cwd)
        return 'it is the current working folder';
    if (isInside(real, cwd))
        return `it holds the current working folder ${cwd}`;
    for (const input of guard.inputs ?? []) {
        const resolved = [external_node_path_default().resolve(guard.cwd ?? process.cwd(), input), await realOrResolved(external_node_path_default().resolve(guard.cwd ?? process.cwd(), input))];
        if (resolved.some((file) => isInside(real, file)))
            return `it holds the input ${input}`;
    }
    if (entries.length > 0 && !(await isDataset(outDir))) {
        return `it is not a dataset written by dataset-gen (no dataset-gen ${DATASET_FILES.manifest}); ${name('overwrite')} replaces only a previous dataset`;
    }
    return null;
}
/**
 * Refuses an output path that is a file, or a folder with something in it (unless `overwrite`). With
 * `overwrite`, refuses the root, home and working folders, a folder holding an input, and a non-empty
 * folder that is not a previous dataset.
 */
async function checkOutputDir(outDir, overwrite, name = run_options_cliName, guard = {}) {
    const info = await (0,promises_namespaceObject.stat)(outDir).catch(() => null);
    if (!info)
        return;
    if (!info.isDirectory())
        throw new errors/* OutputError */.u7(`Output ${outDir} exists and is not a folder; choose another ${name('out')}`);
    const entries = await (0,promises_namespaceObject.readdir)(outDir);
    if (entries.length > 0 && !overwrite) {
        throw new errors/* OutputError */.u7(`Output folder ${outDir} exists and is not empty; pass ${name('overwrite')} to replace it, or choose another ${name('out')}`);
    }
    if (!overwrite)
        return;
    const refusal = await overwriteRefusal(outDir, entries, guard, name);
    if (refusal !== null)
        throw new errors/* OutputError */.u7(`Refusing to replace ${outDir} with ${name('overwrite')}: ${refusal}; choose another ${name('out')}`);
}
/** Creates the folder the output folder goes in. */
async function createOutputParent(outDir, name = run_options_cliName) {
    const parent = external_node_path_default().dirname(outDir);
    try {
        await (0,promises_namespaceObject.mkdir)(parent, { recursive: true });
    }
    catch (error) {
        throw new errors/* OutputError */.u7(`Cannot create ${parent}: ${error.code ?? error.message}; check ${name('out')}`);
    }
}
/** Creates the temporary sibling folder the run writes into (`staging`, or a random hidden name). */
async function createStagingDir(outDir, subdirs, name = run_options_cliName, staging) {
    await createOutputParent(outDir, name);
    const dir = staging ?? external_node_path_default().join(external_node_path_default().dirname(outDir), `.${external_node_path_default().basename(outDir)}.partial-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`);
    for (const sub of ['', ...subdirs])
        await (0,promises_namespaceObject.mkdir)(external_node_path_default().join(dir, sub), { recursive: true });
    return dir;
}
/** Moves the finished staging folder to `outDir`, replacing what was there. */
async function commitStagingDir(staging, outDir) {
    const previous = await (0,promises_namespaceObject.stat)(outDir).catch(() => null);
    if (!previous) {
        await (0,promises_namespaceObject.rename)(staging, outDir);
        return;
    }
    const old = external_node_path_default().join(external_node_path_default().dirname(outDir), `.${external_node_path_default().basename(outDir)}.old-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`);
    await (0,promises_namespaceObject.rename)(outDir, old);
    await (0,promises_namespaceObject.rename)(staging, outDir);
    await (0,promises_namespaceObject.rm)(old, { recursive: true, force: true });
}
async function discardStagingDir(staging) {
    await (0,promises_namespaceObject.rm)(staging, { recursive: true, force: true });
}

;// CONCATENATED MODULE: ./src/report/map-limit.ts
/**
 * `items.map(work)` with at most `limit` calls in flight, results in input order. For sharp work:
 * each call runs on libuv's thread pool, so a few at once use every core where one after another
 * uses one.
 */
async function mapLimit(items, limit, work) {
    if (!(Number.isInteger(limit) && limit >= 1))
        throw new RangeError(`limit must be a positive integer; got ${limit}`);
    const results = new Array(items.length);
    let next = 0;
    const lane = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
    return results;
}

;// CONCATENATED MODULE: ./src/report/pixel-font.ts
/**
 * A 5×7 pixel font, for the class labels burned into the contact-sheet thumbnails: each lit pixel is
 * a square painted straight into the image (thumbnail-overlay.ts). No font is involved: the container
 * image has none, and different fonts would give different bytes on different machines.
 *
 * Capital letters, digits and a little punctuation; lower case is drawn as capitals and any other
 * character as `?`. Each glyph is 5 columns by 7 rows; glyphs advance by 6 columns.
 */
const GLYPHS = {
    A: ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
    B: ['####.', '#...#', '#...#', '####.', '#...#', '#...#', '####.'],
    C: ['.###.', '#...#', '#....', '#....', '#....', '#...#', '.###.'],
    D: ['####.', '#...#', '#...#', '#...#', '#...#', '#...#', '####.'],
    E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
    F: ['#####', '#....', '#....', '####.', '#....', '#....', '#....'],
    G: ['.###.', '#...#', '#....', '#.###', '#...#', '#...#', '.####'],
    H: ['#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
    I: ['.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
    J: ['..###', '...#.', '...#.', '...#.', '...#.', '#..#.', '.##..'],
    K: ['#...#', '#..#.', '#.#..', '##...', '#.#..', '#..#.', '#...#'],
    L: ['#....', '#....', '#....', '#....', '#....', '#....', '#####'],
    M: ['#...#', '##.##', '#.#.#', '#.#.#', '#...#', '#...#', '#...#'],
    N: ['#...#', '#...#', '##..#', '#.#.#', '#..##', '#...#', '#...#'],
    O: ['.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
    P: ['####.', '#...#', '#...#', '####.', '#....', '#....', '#....'],
    Q: ['.###.', '#...#', '#...#', '#...#', '#.#.#', '#..#.', '.##.#'],
    R: ['####.', '#...#', '#...#', '####.', '#.#..', '#..#.', '#...#'],
    S: ['.####', '#....', '#....', '.###.', '....#', '....#', '####.'],
    T: ['#####', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'],
    U: ['#...#', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
    V: ['#...#', '#...#', '#...#', '#...#', '#...#', '.#.#.', '..#..'],
    W: ['#...#', '#...#', '#...#', '#.#.#', '#.#.#', '#.#.#', '.#.#.'],
    X: ['#...#', '#...#', '.#.#.', '..#..', '.#.#.', '#...#', '#...#'],
    Y: ['#...#', '#...#', '.#.#.', '..#..', '..#..', '..#..', '..#..'],
    Z: ['#####', '....#', '...#.', '..#..', '.#...', '#....', '#####'],
    '0': ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
    '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
    '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
    '3': ['#####', '...#.', '..#..', '...#.', '....#', '#...#', '.###.'],
    '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
    '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
    '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
    '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
    '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
    '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
    ' ': ['.....', '.....', '.....', '.....', '.....', '.....', '.....'],
    '-': ['.....', '.....', '.....', '.###.', '.....', '.....', '.....'],
    _: ['.....', '.....', '.....', '.....', '.....', '.....', '#####'],
    '.': ['.....', '.....', '.....', '.....', '.....', '.##..', '.##..'],
    ':': ['.....', '.##..', '.##..', '.....', '.##..', '.##..', '.....'],
    '/': ['....#', '....#', '...#.', '..#..', '.#...', '#....', '#....'],
    '(': ['...#.', '..#..', '.#...', '.#...', '.#...', '..#..', '...#.'],
    ')': ['.#...', '..#..', '...#.', '...#.', '...#.', '..#..', '.#...'],
    '%': ['##...', '##..#', '...#.', '..#..', '.#...', '#..##', '...##'],
    '+': ['.....', '..#..', '..#..', '#####', '..#..', '..#..', '.....'],
    '?': ['.###.', '#...#', '....#', '...#.', '..#..', '.....', '..#..'],
};
const GLYPH_ROWS = 7;
const GLYPH_ADVANCE = 6;
function glyph(char) {
    return GLYPHS[char.toUpperCase()] ?? GLYPHS['?'] ?? [];
}
/** Width of `text` drawn at `scale` (pixels per font pixel), without trailing spacing. */
function pixelTextWidth(text, scale) {
    const n = [...text].length;
    return n === 0 ? 0 : (n * GLYPH_ADVANCE - 1) * scale;
}
/** The lit pixels of `text` with its top-left corner at (x, y), as rectangles: runs merged per row. */
function pixelTextRects(text, x, y, scale) {
    const rects = [];
    [...text].forEach((char, i) => {
        const rows = glyph(char);
        const gx = x + i * GLYPH_ADVANCE * scale;
        rows.forEach((row, r) => {
            for (let c = 0; c < row.length;) {
                if (row[c] !== '#') {
                    c += 1;
                    continue;
                }
                let end = c;
                while (row[end] === '#')
                    end += 1;
                rects.push({ x: gx + c * scale, y: y + r * scale, w: (end - c) * scale, h: scale });
                c = end;
            }
        });
    });
    return rects;
}

;// CONCATENATED MODULE: ./src/report/thumbnail-overlay.ts

/** The colour boxes take when a class's colour is not `#rgb` or `#rrggbb`. */
const DEFAULT_COLOR = '#1f77d0';
/** Labels show at most this many characters. */
const LABEL_CHARS = 14;
/** `#rgb` or `#rrggbb` as numbers; anything else is the default blue. */
function parseColor(color) {
    const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
    const hex = short ? `#${short[1].repeat(2)}${short[2].repeat(2)}${short[3].repeat(2)}` : color;
    const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    if (!m)
        return parseColor(DEFAULT_COLOR);
    return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}
/** Black or white, whichever reads better on `rgb`. */
function textColorOn([r, g, b]) {
    return 0.2126 * (r / 255) + 0.7152 * (g / 255) + 0.0722 * (b / 255) > 0.6 ? [0, 0, 0] : [255, 255, 255];
}
function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
/** The four sides of a `stroke`-wide outline on the inside of (x, y, w, h). */
function outline(x, y, w, h, stroke, color) {
    if (w <= 2 * stroke || h <= 2 * stroke)
        return [{ x, y, w, h, color }];
    return [
        { x, y, w, h: stroke, color },
        { x, y: y + h - stroke, w, h: stroke, color },
        { x, y: y + stroke, w: stroke, h: h - 2 * stroke, color },
        { x: x + w - stroke, y: y + stroke, w: stroke, h: h - 2 * stroke, color },
    ];
}
/**
 * The rectangles to paint on a `width`×`height` thumbnail of `image`, in painting order: every box,
 * then every label (its background, then its text).
 */
function overlayRects(image, width, height, colorOf) {
    const sx = width / Math.max(1, image.width);
    const sy = height / Math.max(1, image.height);
    const scale = width >= 360 ? 2 : 1;
    const stroke = width >= 360 ? 2 : 1;
    const labelHeight = GLYPH_ROWS * scale + 2 * scale + 2;
    const detections = [...image.detections]
        .map((d, i) => ({ d, i }))
        .sort((a, b) => b.d.score - a.d.score || a.i - b.i)
        .map(({ d }) => d);
    const boxes = [];
    const labels = [];
    const placed = [];
    for (const det of detections) {
        const color = parseColor(colorOf(det.className));
        const x = Math.round(Math.max(0, det.box.x * sx));
        const y = Math.round(Math.max(0, det.box.y * sy));
        const w = Math.max(1, Math.round(Math.min(width, (det.box.x + det.box.width) * sx)) - x);
        const h = Math.max(1, Math.round(Math.min(height, (det.box.y + det.box.height) * sy)) - y);
        boxes.push(...outline(x, y, w, h, stroke, color));
        const text = [...det.className].slice(0, LABEL_CHARS).join('');
        const labelWidth = pixelTextWidth(text, scale) + 2 * scale + 2;
        const lx = Math.max(0, Math.min(x, width - labelWidth));
        const ly = y >= labelHeight ? y - labelHeight : Math.min(y, height - labelHeight);
        const area = { x: lx, y: ly, w: labelWidth, h: labelHeight };
        if (text === '' || placed.some((p) => overlaps(p, area)))
            continue;
        placed.push(area);
        const ink = textColorOn(color);
        labels.push({ ...area, color }, ...pixelTextRects(text, lx + scale + 1, ly + scale + 1, scale).map((r) => ({ ...r, color: ink })));
    }
    return [...boxes, ...labels];
}
/** Paints `rects` into interleaved 8-bit RGB(A…) `pixels` of `width`×`height`, clipped to the image. */
function paintRects(pixels, width, height, channels, rects) {
    if (channels < 3)
        throw new RangeError(`paintRects needs RGB pixels, got ${channels} channel(s)`);
    for (const { x, y, w, h, color } of rects) {
        const x0 = Math.max(0, Math.floor(x));
        const x1 = Math.min(width, Math.floor(x + w));
        const y0 = Math.max(0, Math.floor(y));
        const y1 = Math.min(height, Math.floor(y + h));
        for (let row = y0; row < y1; row++) {
            for (let col = x0, at = (row * width + x0) * channels; col < x1; col++, at += channels) {
                pixels[at] = color[0];
                pixels[at + 1] = color[1];
                pixels[at + 2] = color[2];
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/report/contact-sheet.ts
/**
 * The contact sheet of report.html: thumbnails of kept frames, spread evenly over the run, with the
 * detection boxes and class labels burned in. Each thumbnail is the dataset image downscaled by sharp,
 * with the boxes and labels painted into its pixels (thumbnail-overlay.ts; labels in the pixel font of
 * pixel-font.ts, so no system font is needed), written as a baseline JPEG without metadata under
 * `report/thumbs/<image file name>`. Same images and detections → same bytes.
 */






/** Where thumbnails go, relative to the dataset folder (and to report.html, which sits at its root). */
const THUMBS_DIR = 'report/thumbs';
/** Where the thumbnails of the frames selected for labelling go. */
const SELECTED_THUMBS_DIR = 'report/selected';
const DEFAULT_MAX_THUMBNAILS = 24;
/** Never more than this many thumbnails, whatever is asked. */
const MAX_THUMBNAILS = 200;
const DEFAULT_THUMB_WIDTH = 480;
/** Thumbnails made at once. */
const THUMBNAIL_CONCURRENCY = 4;
/**
 * `n` items spread evenly over `items` (the middle of each of `n` equal slices), in order. All of
 * them when there are at most `n`.
 */
function spreadSample(items, n) {
    const count = Math.max(0, Math.floor(n));
    if (items.length <= count)
        return [...items];
    return Array.from({ length: count }, (_, i) => items[Math.floor(((i + 0.5) * items.length) / count)]);
}
/** Kept images in run order: videos in order of first appearance, then by time, then frame index. */
function orderKept(kept) {
    const videoRank = new Map();
    for (const image of kept)
        if (!videoRank.has(image.video))
            videoRank.set(image.video, videoRank.size);
    return [...kept].sort((a, b) => (videoRank.get(a.video) ?? 0) - (videoRank.get(b.video) ?? 0) ||
        a.timestampMs - b.timestampMs ||
        a.frameIndex - b.frameIndex);
}
function classCounts(image) {
    const counts = new Map();
    for (const det of image.detections)
        counts.set(det.className, (counts.get(det.className) ?? 0) + 1);
    return [...counts.entries()]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
/**
 * Chooses up to `maxThumbnails` kept images spread over the run, and writes their thumbnails to
 * `<datasetDir>/<dir>/` (default `report/thumbs/`; the folder is emptied first, so it holds exactly
 * this sheet).
 * An image that cannot be read is listed in `failed` instead of failing the report.
 */
async function buildContactSheet(datasetDir, kept, options = {}) {
    const max = Math.min(MAX_THUMBNAILS, Math.max(0, Math.floor(options.maxThumbnails ?? DEFAULT_MAX_THUMBNAILS)));
    const maxWidth = Math.max(16, Math.floor(options.width ?? DEFAULT_THUMB_WIDTH));
    const quality = Math.min(100, Math.max(1, Math.round(options.jpegQuality ?? 80)));
    const colorOf = options.colorOf ?? (() => '#1f77d0');
    const chosen = spreadSample(orderKept(kept), max);
    const dir = options.dir ?? THUMBS_DIR;
    const thumbsDir = external_node_path_default().join(datasetDir, ...dir.split('/'));
    await (0,promises_namespaceObject.rm)(thumbsDir, { recursive: true, force: true });
    if (chosen.length > 0)
        await (0,promises_namespaceObject.mkdir)(thumbsDir, { recursive: true });
    // A few at once: each thumbnail is a decode and resize, then an encode, on libuv's pool.
    const made = await mapLimit(chosen, THUMBNAIL_CONCURRENCY, async (image) => {
        const name = external_node_path_default().basename(image.file);
        const imageRel = `${DATASET_FILES.images}/${name}`;
        const width = Math.max(1, Math.min(maxWidth, image.width));
        const height = Math.max(1, Math.round((image.height * width) / Math.max(1, image.width)));
        try {
            const { data, info } = await (0,external_sharp_namespaceObject["default"])(external_node_path_default().join(datasetDir, DATASET_FILES.images, name))
                .resize(width, height, { fit: 'fill' })
                .removeAlpha()
                .toColourspace('srgb')
                .raw()
                .toBuffer({ resolveWithObject: true });
            paintRects(data, info.width, info.height, info.channels, overlayRects(image, width, height, colorOf));
            await (0,external_sharp_namespaceObject["default"])(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
                .jpeg({ quality, chromaSubsampling: '4:2:0', mozjpeg: false, optimiseCoding: false })
                .toFile(external_node_path_default().join(thumbsDir, name));
        }
        catch (error) {
            return { failed: imageRel, error: error instanceof Error ? error.message : String(error) };
        }
        return {
            image: imageRel,
            thumb: `${dir}/${name}`,
            width,
            height,
            video: image.video,
            frameIndex: image.frameIndex,
            timestampMs: image.timestampMs,
            detections: image.detections.length,
            classes: classCounts(image),
        };
    });
    const thumbnails = [];
    const failed = [];
    for (const result of made) {
        if ('failed' in result)
            failed.push({ image: result.failed, error: result.error });
        else
            thumbnails.push(result);
    }
    return { thumbnails, keptImages: kept.length, failed };
}

;// CONCATENATED MODULE: ./src/report/svg-charts.ts
/**
 * Small SVG chart helpers for report.html: a horizontal bar chart, a histogram (with an optional
 * marker line) and a 100 % stacked bar with a legend. Each returns one inline `<svg>` element as a
 * string: a `viewBox` plus intrinsic `width`/`height` (the page's CSS scales it to its box, keeping
 * the aspect ratio), explicit colours, no scripts, no external references, and a `<title>` on every
 * bar for a hover tooltip. Labels are escaped here; callers pass plain text.
 *
 * Coordinates are printed with at most 2 decimals (`num`), so the same data gives the same bytes.
 */


/** Average glyph advance as a share of the font size, for layout estimates (system sans-serif). */
const CHAR_WIDTH = 0.58;
const DEFAULT_BAR_COLOR = '#3b7dd8';
const AXIS_COLOR = '#8a94a3';
const GRID_COLOR = '#e3e7ec';
const TEXT_COLOR = '#2b3340';
const MUTED_TEXT = '#5d6673';
/** Estimated width of `text` at `fontSize` (user units). */
function textWidth(text, fontSize) {
    return [...text].length * fontSize * CHAR_WIDTH;
}
/** A round step (1, 2 or 5 × 10^k) that splits `0..max` into about `target` intervals. */
function niceStep(max, target) {
    if (!(max > 0) || !(target > 0))
        return 1;
    const raw = max / target;
    const power = 10 ** Math.floor(Math.log10(raw));
    const m = raw / power;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}
/** The opening `<svg>` tag. Inline SVG in HTML needs no namespace, so there is no URL in the page. */
function svgOpen(width, height, label, fontSize = 11) {
    const w = num(width);
    const h = num(height);
    return (`<svg class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" ` +
        `aria-label="${escapeHtml(label)}" font-size="${num(fontSize)}">`);
}
/** A `<text>` element; `text` is escaped. */
function svgText(x, y, text, attrs = {}) {
    const parts = [`x="${num(x)}"`, `y="${num(y)}"`];
    if (attrs.anchor && attrs.anchor !== 'start')
        parts.push(`text-anchor="${attrs.anchor}"`);
    if (attrs.baseline)
        parts.push('dominant-baseline="middle"');
    parts.push(`fill="${attrs.fill ?? TEXT_COLOR}"`);
    if (attrs.size !== undefined)
        parts.push(`font-size="${num(attrs.size)}"`);
    if (attrs.weight)
        parts.push(`font-weight="${attrs.weight}"`);
    return `<text ${parts.join(' ')}>${escapeHtml(text)}</text>`;
}
function rect(x, y, width, height, fill, title) {
    const open = `<rect x="${num(x)}" y="${num(y)}" width="${num(Math.max(0, width))}" height="${num(Math.max(0, height))}" fill="${fill}"`;
    return title === undefined ? `${open}/>` : `${open}><title>${escapeHtml(title)}</title></rect>`;
}
function line(x1, y1, x2, y2, stroke, extra = '') {
    return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${stroke}"${extra}/>`;
}
function finiteNonNegative(n) {
    return Number.isFinite(n) && n > 0 ? n : 0;
}
function noData(width, height, label, message) {
    return `${svgOpen(width, height, label)}${svgText(width / 2, height / 2, message, { anchor: 'middle', fill: MUTED_TEXT, baseline: 'middle' })}</svg>`;
}
/** One bar per row, longest = the largest value; label on the left, value after the bar. */
function horizontalBarChart(rows, options) {
    const width = options.width ?? 420;
    const rowHeight = options.rowHeight ?? 22;
    const fontSize = options.fontSize ?? 12;
    const format = options.formatValue ?? format_int;
    if (rows.length === 0)
        return noData(width, rowHeight * 2, options.label, options.empty ?? 'No data');
    const labels = rows.map((r) => html_escape_cut(r.label, options.maxLabelChars ?? 22));
    const values = rows.map((r) => r.valueLabel ?? format(r.value));
    const labelWidth = Math.min(width * 0.4, Math.max(...labels.map((l) => textWidth(l, fontSize))) + 8);
    const valueWidth = Math.max(...values.map((v) => textWidth(v, fontSize))) + 8;
    const plotWidth = Math.max(10, width - labelWidth - valueWidth);
    const max = rows.reduce((acc, r) => Math.max(acc, finiteNonNegative(r.value)), 0);
    const barHeight = Math.round(rowHeight * 0.64);
    const height = rows.length * rowHeight + 4;
    const out = [svgOpen(width, height, options.label, fontSize)];
    out.push(line(labelWidth, 2, labelWidth, height - 2, AXIS_COLOR));
    rows.forEach((row, i) => {
        const mid = 2 + i * rowHeight + rowHeight / 2;
        const value = finiteNonNegative(row.value);
        const barWidth = max > 0 && value > 0 ? Math.max(1, (value / max) * plotWidth) : 0;
        const valueText = values[i] ?? '';
        out.push('<g>', svgText(labelWidth - 6, mid, labels[i] ?? '', { anchor: 'end', baseline: 'middle' }), rect(labelWidth, mid - barHeight / 2, barWidth, barHeight, row.color ?? DEFAULT_BAR_COLOR, row.title ?? `${row.label}: ${valueText}`), svgText(labelWidth + barWidth + 4, mid, valueText, { fill: MUTED_TEXT, baseline: 'middle' }), '</g>');
    });
    out.push('</svg>');
    return out.join('');
}
/** Vertical bars over labelled buckets, a count axis with grid lines, counts above the bars. */
function histogramChart(buckets, options) {
    const width = options.width ?? 420;
    const height = options.height ?? 200;
    const fontSize = options.fontSize ?? 11;
    if (buckets.length === 0)
        return noData(width, 60, options.label, options.empty ?? 'No data');
    const counts = buckets.map((b) => finiteNonNegative(b.count));
    const maxCount = Math.max(...counts);
    const step = Math.max(1, Math.round(niceStep(maxCount, 4)));
    const top = Math.max(step, Math.ceil(maxCount / step) * step);
    const axisWidth = textWidth(format_int(top), fontSize) + 10;
    const plotX = axisWidth;
    const plotTop = fontSize + 10;
    const bottom = fontSize + 8 + (options.xTitle ? fontSize + 6 : 0);
    const plotHeight = height - plotTop - bottom;
    const plotWidth = width - plotX - 4;
    const slot = plotWidth / buckets.length;
    const barWidth = Math.max(1, slot * 0.78);
    const y = (count) => plotTop + plotHeight - (count / top) * plotHeight;
    const out = [svgOpen(width, height, options.label, fontSize)];
    for (let tick = 0; tick <= top; tick += step) {
        out.push(line(plotX, y(tick), plotX + plotWidth, y(tick), tick === 0 ? AXIS_COLOR : GRID_COLOR));
        out.push(svgText(plotX - 5, y(tick), format_int(tick), { anchor: 'end', fill: MUTED_TEXT, baseline: 'middle' }));
    }
    // Show every k-th bucket label when they would overlap.
    const widest = Math.max(...buckets.map((b) => textWidth(b.label, fontSize)));
    const every = Math.max(1, Math.ceil((widest + 4) / slot));
    buckets.forEach((bucket, i) => {
        const count = counts[i] ?? 0;
        const x = plotX + i * slot + (slot - barWidth) / 2;
        const centre = plotX + (i + 0.5) * slot;
        const parts = [];
        if (count > 0) {
            parts.push(rect(x, y(count), barWidth, plotTop + plotHeight - y(count), bucket.color ?? DEFAULT_BAR_COLOR, bucket.title ?? `${bucket.label}: ${format_int(count)}`));
            if (textWidth(format_int(count), fontSize) <= slot + 2)
                parts.push(svgText(centre, y(count) - 4, format_int(count), { anchor: 'middle', fill: MUTED_TEXT }));
        }
        if (i % every === 0)
            parts.push(svgText(centre, plotTop + plotHeight + fontSize + 3, bucket.label, { anchor: 'middle', fill: MUTED_TEXT }));
        if (parts.length > 1)
            out.push('<g>', ...parts, '</g>');
        else
            out.push(...parts);
    });
    if (options.xTitle) {
        out.push(svgText(plotX + plotWidth / 2, height - 3, options.xTitle, { anchor: 'middle', fill: MUTED_TEXT }));
    }
    const marker = options.marker;
    if (marker && Number.isFinite(marker.at)) {
        const at = Math.min(buckets.length, Math.max(0, marker.at));
        const mx = plotX + at * slot;
        const color = marker.color ?? '#c0392b';
        out.push(line(mx, plotTop - 2, mx, plotTop + plotHeight, color, ' stroke-width="1.5" stroke-dasharray="4 3"'));
        const right = mx + 4 + textWidth(marker.label, fontSize) <= width;
        out.push(svgText(right ? mx + 4 : mx - 4, fontSize, marker.label, { anchor: right ? 'start' : 'end', fill: color }));
    }
    out.push('</svg>');
    return out.join('');
}
/**
 * One bar split into segments in proportion to their values (the whole bar is the total), and a
 * legend below: swatch, label, value and share of the total.
 */
function stackedBar(segments, options) {
    const width = options.width ?? 420;
    const barHeight = options.barHeight ?? 26;
    const fontSize = options.fontSize ?? 12;
    const columns = Math.max(1, Math.floor(options.columns ?? 2));
    const format = options.formatValue ?? format_int;
    const total = segments.reduce((acc, s) => acc + finiteNonNegative(s.value), 0);
    if (segments.length === 0 || total === 0)
        return noData(width, barHeight + 8, options.label, options.empty ?? 'No data');
    const legendRow = fontSize + 10;
    const rows = Math.ceil(segments.length / columns);
    const height = barHeight + 10 + rows * legendRow;
    const out = [svgOpen(width, height, options.label, fontSize)];
    let x = 0;
    for (const segment of segments) {
        const value = finiteNonNegative(segment.value);
        const w = (value / total) * width;
        const share = `${((value / total) * 100).toFixed(1)}%`;
        if (w > 0)
            out.push(rect(x, 0, w, barHeight, segment.color, `${segment.label}: ${format(value)} (${share})`));
        x += w;
    }
    const columnWidth = width / columns;
    segments.forEach((segment, i) => {
        const value = finiteNonNegative(segment.value);
        const cx = (i % columns) * columnWidth;
        const cy = barHeight + 10 + Math.floor(i / columns) * legendRow + legendRow / 2;
        const share = `${((value / total) * 100).toFixed(1)}%`;
        out.push(rect(cx, cy - 5, 10, 10, segment.color), svgText(cx + 15, cy, `${html_escape_cut(segment.label, 18)} ${format(value)} (${share})`, { baseline: 'middle' }));
    });
    out.push('</svg>');
    return out.join('');
}

;// CONCATENATED MODULE: ./src/report/svg-timeline.ts
/**
 * The timeline chart of report.html: for each video, its sampled frames over video time. A lower lane
 * shows each mark's outcome (kept, or dropped and why) as a coloured column, split in proportion when
 * a mark stands for several frames; an upper lane shows detections per kept frame as bars. All
 * videos share the detection scale, and each has its own time axis (0 … its duration).
 *
 * Marks of one colour are drawn as a single `<path>` (`M x y h w v h h -w z` per mark), which keeps
 * the markup to about 25 bytes per mark; the caller bounds the number of marks (see report-model.ts).
 */



const LEFT = 74;
const RIGHT = 12;
const LEGEND_HEIGHT = 26;
const TRACK_HEIGHT = 104;
const DETECTION_LANE = 34;
const OUTCOME_LANE = 16;
const AXIS = '#8a94a3';
const MUTED = '#5d6673';
/** Steps for the time axis, in seconds. */
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400];
/** A tick step (ms) giving at most `maxTicks` intervals over `durationMs`. */
function timeStep(durationMs, maxTicks) {
    const seconds = Math.max(0, durationMs) / 1000;
    for (const step of TIME_STEPS)
        if (seconds / step <= maxTicks)
            return step * 1000;
    return Math.ceil(seconds / maxTicks / 86400) * 86400 * 1000;
}
/** Path commands for one rectangle. */
function box(x, y, w, h) {
    return `M${num(x)} ${num(y)}h${num(w)}v${num(h)}h${num(-w)}z`;
}
/** The timeline of every track, stacked vertically, with one legend on top. */
function timelineChart(tracks, options) {
    const width = options.width ?? 720;
    const fontSize = options.fontSize ?? 11;
    const detectionColor = options.detectionColor ?? '#3b7dd8';
    const plotWidth = width - LEFT - RIGHT;
    const height = LEGEND_HEIGHT + Math.max(1, tracks.length) * TRACK_HEIGHT;
    const out = [svgOpen(width, height, options.label, fontSize)];
    // Legend: detections, then the outcome categories, wrapping onto a second line if needed.
    const legend = [
        { label: 'detections per kept frame', color: detectionColor },
        ...options.categories,
    ];
    let lx = 0;
    for (const item of legend) {
        const w = 14 + textWidth(item.label, fontSize) + 12;
        if (lx + w > width)
            break;
        out.push(`<rect x="${num(lx)}" y="4" width="10" height="10" fill="${item.color}"/>`, svgText(lx + 14, 9, item.label, { baseline: 'middle', fill: MUTED }));
        lx += w;
    }
    if (tracks.length === 0) {
        out.push(svgText(width / 2, LEGEND_HEIGHT + TRACK_HEIGHT / 2, 'No sampled frames', { anchor: 'middle', fill: MUTED }));
        out.push('</svg>');
        return out.join('');
    }
    const maxDetections = Math.max(1, ...tracks.flatMap((t) => t.marks.map((m) => (m.detections !== null && Number.isFinite(m.detections) ? m.detections : 0))));
    tracks.forEach((track, ti) => {
        const top = LEGEND_HEIGHT + ti * TRACK_HEIGHT;
        const duration = track.durationMs > 0 ? track.durationMs : 1;
        const x = (ms) => LEFT + (Math.min(Math.max(ms, 0), duration) / duration) * plotWidth;
        const detTop = top + 20;
        const detBase = detTop + DETECTION_LANE;
        const outTop = detBase + 4;
        const axisY = outTop + OUTCOME_LANE + 2;
        out.push('<g>');
        out.push(`<text x="0" y="${num(top + 12)}" fill="#2b3340" font-weight="bold">${escapeHtml(track.label)}` +
            (track.note ? `<tspan font-weight="normal" fill="${MUTED}"> ${escapeHtml(track.note)}</tspan>` : '') + '</text>');
        out.push(svgText(LEFT - 6, detTop + DETECTION_LANE / 2, 'detections', { anchor: 'end', baseline: 'middle', fill: MUTED }));
        out.push(svgText(LEFT - 6, outTop + OUTCOME_LANE / 2, 'frames', { anchor: 'end', baseline: 'middle', fill: MUTED }));
        out.push(svgText(LEFT + plotWidth, detTop - 2, `max ${format_int(maxDetections)}`, { anchor: 'end', fill: MUTED, size: fontSize - 1 }));
        out.push(`<line x1="${LEFT}" y1="${num(detBase)}" x2="${num(LEFT + plotWidth)}" y2="${num(detBase)}" stroke="${AXIS}"/>`);
        out.push(`<rect x="${LEFT}" y="${num(outTop)}" width="${num(plotWidth)}" height="${OUTCOME_LANE}" fill="#f1f3f6"/>`);
        const detectionPath = [];
        const categoryPaths = options.categories.map(() => []);
        for (const mark of track.marks) {
            const x0 = x(mark.startMs);
            const span = Math.max(0, x(mark.endMs) - x0);
            // A small gap between wide marks keeps neighbours apart; narrow ones stay at least 0.8 wide.
            const w = span > 3 ? span - 0.6 : Math.max(0.8, span);
            const total = mark.counts.reduce((acc, c) => acc + (c > 0 ? c : 0), 0);
            let y = outTop;
            mark.counts.forEach((count, ci) => {
                if (!(count > 0) || total === 0)
                    return;
                const h = (count / total) * OUTCOME_LANE;
                categoryPaths[ci]?.push(box(x0, y, w, h));
                y += h;
            });
            if (mark.detections !== null && mark.detections > 0) {
                const h = Math.max(1, (mark.detections / maxDetections) * DETECTION_LANE);
                detectionPath.push(box(x0, detBase - h, w, h));
            }
        }
        if (detectionPath.length > 0)
            out.push(`<path fill="${detectionColor}" d="${detectionPath.join('')}"/>`);
        categoryPaths.forEach((parts, ci) => {
            const color = options.categories[ci]?.color;
            if (parts.length > 0 && color)
                out.push(`<path fill="${color}" d="${parts.join('')}"/>`);
        });
        // Time axis.
        const step = timeStep(duration, Math.max(2, Math.floor(plotWidth / 70)));
        const seconds = duration < 60_000;
        const ticks = [];
        for (let t = 0; t <= duration + 1e-6; t += step) {
            const tx = x(t);
            ticks.push(`M${num(tx)} ${num(axisY)}v4`);
            const label = clock(t, seconds);
            const anchor = tx + textWidth(label, fontSize) / 2 > width ? 'end' : 'middle';
            out.push(svgText(tx, axisY + 5 + fontSize, label, { anchor, fill: MUTED }));
        }
        out.push(`<path stroke="${AXIS}" d="M${LEFT} ${num(axisY)}h${num(plotWidth)}${ticks.join('')}"/>`);
        out.push('</g>');
    });
    out.push('</svg>');
    return out.join('');
}

;// CONCATENATED MODULE: ./src/observe/data-loss.ts
/** One line per data-loss warning (src/domain/data-loss.ts), naming the options as the door spells them. */


function percentOf(part, whole) {
    return `${Math.round((part / whole) * 100)} %`;
}
function describeDataLoss(warning, name = run_options_cliName) {
    if (warning.kind === 'truncated') {
        const { video, decodedSeconds, durationSeconds } = warning;
        return `Video ${video} is truncated: decoding stopped at ${decodedSeconds.toFixed(1)} s of ${durationSeconds.toFixed(1)} s; the frames up to there are in the dataset (pass ${name('strict')} to refuse such files)`;
    }
    if (warning.kind === 'damaged') {
        const { video, decodeErrors, dropped, sampled } = warning;
        const errors = `${decodeErrors} decode error${decodeErrors === 1 ? '' : 's'}`;
        const frames = dropped === 0
            ? `none of its ${sampled} sampled frames came from the damaged stretches`
            : `${dropped} of its ${sampled} sampled frames came from the damaged stretches (up to the next keyframe) and were dropped as corrupt`;
        return `Video ${video} holds damaged data: ffmpeg reported ${errors}; ${frames}; if the file should be intact, re-copy or re-export it`;
    }
    if (warning.kind === 'no-images') {
        if (warning.sampled === 0) {
            // Every video yields its first frame, so only a time range shorter than one sampling interval samples nothing.
            return `The dataset has no images: no frame was sampled, as the time range (${name('start')}, ${name('end')}) is shorter than one sampling interval; widen it or sample more often (${name('sample-fps')})`;
        }
        return `The dataset has no images: all ${warning.sampled} sampled frames were dropped; see the drops by reason`;
    }
    const { video, reason, dropped, of } = warning;
    const options = REASON_OPTIONS[reason].map(name);
    const fix = options.length > 0 ? `; if the frames are fine, adjust ${options.join(' or ')}` : '; the video file is damaged: re-copy or re-export it';
    return `"${reason}" dropped ${dropped} of ${of} frames (${percentOf(dropped, of)}) of video ${video}${fix}`;
}

;// CONCATENATED MODULE: ./src/report/html.ts
/**
 * report.html: one self-contained page (inline CSS, inline SVG charts, no script, no external
 * resource) that shows whether a site's dataset is good at a glance, on a laptop or a phone.
 *
 *   header   site, videos, model (name + sha256 prefix), run date, quality-gate verdict
 *   cards    images kept, frames sampled, frame-drop ratio, detections, mean detections per image
 *   charts   class distribution, detections per image, timeline per video, stage times, pHash distances
 *   sheet    thumbnails of kept frames with boxes and labels (contact-sheet.ts), linking to the images
 *   labelling the exports written (`--export`) and the frames selected for labelling (`--select`),
 *            as their own contact sheet
 *   tables   drops by reason, videos, classes
 *   files    links to the COCO file, metrics, manifest
 *
 * `renderHtmlReport` is pure: counts come from `RunMetrics`, the timeline from the recorder's frame
 * rows, the thumbnails from a `ContactSheet` made beforehand; the same input gives the same bytes.
 * `writeHtmlReport` makes the contact sheet and writes the page into a dataset folder.
 *
 * Size is bounded whatever the run: tables show at most `maxTableRows` rows, the class chart at most
 * `maxChartClasses` bars (the rest summed in one), the timeline at most `maxMarks` marks over at most
 * `maxTracks` videos, the contact sheet at most `MAX_THUMBNAILS` images, the header at most 5 video
 * names, and every user string is cut to 120 characters.
 */













const DEFAULT_HTML_TABLE_ROWS = 50;
const DEFAULT_CHART_CLASSES = 15;
/** Video names listed in the header; the rest are counted. */
const HEADER_VIDEOS = 5;
/** The dataset's files the report links to, relative to the dataset folder (see pipeline/run.ts). */
const REPORT_LINKS = [
    { href: DATASET_FILES.coco, label: DATASET_FILES.coco, what: 'COCO annotations (pre-tags)' },
    { href: 'images/', label: 'images/', what: 'the dataset images' },
    { href: 'metrics.csv', label: 'metrics.csv', what: 'one row per sampled frame' },
    { href: 'metrics.json', label: 'metrics.json', what: 'the numbers of this report' },
    { href: 'metrics.prom', label: 'metrics.prom', what: 'the same numbers for Prometheus' },
    { href: 'manifest.json', label: 'manifest.json', what: 'inputs, versions and settings, to reproduce the run' },
    { href: 'report.md', label: 'report.md', what: 'the same figures as Markdown' },
];
const STAGE_COLORS = {
    probe: '#9aa5b8',
    extract: '#4c6ef5',
    quality: '#15aabf',
    dedup: '#845ef7',
    detect: '#f08c00',
    write: '#2f9e44',
};
const DUPLICATE_COLOR = OUTCOMES.find((o) => o.key === 'duplicate')?.color ?? '#a3acb9';
const CSS = `
:root{--fg:#1d2430;--muted:#5d6673;--line:#e1e5ea;--bg:#f4f6f9;--card:#fff;--ok:#1e7a4a;--bad:#b3261e}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:1240px;margin:0 auto;padding:16px 20px}
header.top{background:var(--card);border-bottom:1px solid var(--line)}
h1{font-size:1.6rem;margin:0 0 .6rem;line-height:1.2;overflow-wrap:anywhere}
h1 small{display:block;font-size:.8rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.06em;margin-bottom:.2rem}
h2{font-size:1.1rem;margin:0 0 .6rem}
section{margin:18px 0}
.meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.15rem 1rem;margin:0 0 .8rem}
.meta dt{color:var(--muted)}
.meta dd{margin:0;overflow-wrap:anywhere}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eef1f5;padding:0 .25em;border-radius:3px}
.verdict{margin:0;padding:.6rem .8rem;border-radius:6px;border:1px solid}
.verdict strong{margin-right:.4rem}
.verdict ul{margin:.3rem 0 0;padding-left:1.2rem}
.verdict.pass{background:#e7f6ed;border-color:#b5e0c5;color:var(--ok)}
.verdict.fail{background:#fdecea;border-color:#f3b9b4;color:var(--bad)}
.verdict.none{background:#eef1f5;border-color:var(--line);color:var(--muted)}
.verdict.loss{margin-top:.5rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px;min-width:0}
.card .label{color:var(--muted);font-size:.78rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
.card .value{font-size:2rem;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.card .sub{color:var(--muted);font-size:.85rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,440px),1fr));gap:16px}
.panel{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;min-width:0}
.panel.wide{grid-column:1/-1}
.note{color:var(--muted);font-size:.85rem;margin:.4rem 0 0}
svg.chart{display:block;width:100%;height:auto;font-family:inherit}
.scroll{overflow-x:auto}
.scroll svg.chart{min-width:720px}
.sheet{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,230px),1fr));gap:12px}
.sheet figure{margin:0;min-width:0}
.sheet img{display:block;width:100%;height:auto;border-radius:4px;background:#d9dee5}
.sheet figcaption{font-size:.8rem;color:var(--muted);margin-top:.25rem;overflow-wrap:anywhere}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;font-size:.9rem}
th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{color:var(--muted);font-weight:600;white-space:nowrap}
.n{text-align:right;white-space:nowrap}
tfoot td{font-weight:600}
.nowrap{white-space:nowrap}
.swatch{display:inline-block;width:.7em;height:.7em;border-radius:2px;margin-right:.4em;vertical-align:baseline}
.files{margin:0;padding-left:1.2rem}
.files li{margin:.15rem 0}
footer{color:var(--muted);font-size:.8rem;padding-bottom:24px}
@media (max-width:640px){
body{font-size:14px}
.wrap{padding:12px}
h1{font-size:1.3rem}
.cards{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}
.card{padding:10px}
.card .value{font-size:1.45rem}
.panel{padding:12px}
.meta{grid-template-columns:minmax(0,1fr)}
.meta dt{font-size:.8rem;margin-top:.3rem}
.cards .card:first-child{grid-column:1/-1}
.sheet{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}
.sheet figcaption{font-size:.72rem}
th,td{padding:.3rem .35rem}
th{white-space:normal}
}
`
    .trim()
    .replace(/\n/g, '');
/** A colour swatch and a label that stay on one line. `label` must be escaped already. */
function swatched(color, label) {
    return `<span class="nowrap"><span class="swatch" style="background:${color}"></span>${label}</span>`;
}
/** Table rows capped at `max`, with a note saying how many were left out. */
function capped(items, max, noun) {
    if (items.length <= max)
        return { shown: items, note: '' };
    return { shown: items.slice(0, max), note: `<p class="note">${format_int(items.length - max)} more ${noun} not shown (see metrics.json).</p>` };
}
function table(head, rows, foot) {
    const th = head.map((h) => (Array.isArray(h) ? `<th class="n">${h[0]}</th>` : `<th>${h}</th>`)).join('');
    const numeric = head.map((h) => Array.isArray(h));
    const tr = (cells, tag = 'td') => `<tr>${cells.map((c, i) => `<${tag}${numeric[i] ? ' class="n"' : ''}>${c}</${tag}>`).join('')}</tr>`;
    return (`<div class="table-wrap"><table><thead><tr>${th}</tr></thead><tbody>${rows.map((r) => tr(r)).join('')}</tbody>` +
        (foot ? `<tfoot>${tr(foot)}</tfoot>` : '') +
        '</table></div>');
}
function panel(title, body, wide = false) {
    return `<section class="panel${wide ? ' wide' : ''}"><h2>${title}</h2>${body}</section>`;
}
function verdict(gates) {
    if (!gates || gates.length === 0)
        return '<p class="verdict none"><strong>No quality gates set.</strong>The dataset was not checked against thresholds.</p>';
    const failed = gates.filter((g) => !g.passed);
    const items = gates
        .map((g) => `<li>${g.passed ? 'passed' : '<b>failed</b>'}: ${userText(g.name)} = ${plain(g.actual)} (threshold ${plain(g.threshold)})</li>`)
        .join('');
    const headline = failed.length === 0
        ? `<strong>Quality gates passed</strong>${format_int(gates.length)} of ${format_int(gates.length)} gates met.`
        : `<strong>Quality gates failed</strong>${format_int(failed.length)} of ${format_int(gates.length)} gates missed.`;
    return `<div class="verdict ${failed.length === 0 ? 'pass' : 'fail'}" role="status">${headline}<ul>${items}</ul></div>`;
}
/** The data-loss warnings, highlighted under the verdict; nothing when no data was lost. */
function dataLoss(metrics, nameOf) {
    if (metrics.dataLoss.length === 0)
        return '';
    const items = metrics.dataLoss.map((w) => `<li>${userText(describeDataLoss(w, nameOf), 400)}</li>`).join('');
    return `<div class="verdict fail loss" role="alert"><strong>Data was lost</strong><ul>${items}</ul></div>`;
}
function header(data, title) {
    const { metrics, manifest } = data;
    const names = metrics.videos.slice(0, HEADER_VIDEOS).map((v) => userText(v.name));
    const more = metrics.videos.length - names.length;
    const videos = metrics.videos.length === 0
        ? 'none'
        : `${names.join(', ')}${more > 0 ? `, and ${format_int(more)} more` : ''} (${format_int(metrics.videos.length)}, ${format_duration(metrics.videos.reduce((acc, v) => acc + v.durationSeconds * 1000, 0))} in all)`;
    const sampling = manifest.config.sampling ? `${escapeHtml(describeSampling(manifest.config.sampling))} sampled; ` : '';
    const { dedupThreshold, dedupLocalThreshold } = manifest.config;
    const local = dedupLocalThreshold === undefined ? '' : ` and local change ≤ ${fixed(dedupLocalThreshold, 1)}`;
    const dedup = dedupThreshold < 0 ? 'off' : `pHash distance ≤ ${format_int(dedupThreshold)}${local}`;
    const rows = [
        ['Videos', videos],
        ['Model', `${userText(manifest.config.model.name)} <code title="sha256">${escapeHtml(manifest.model.sha256.slice(0, 12))}</code>`],
        ['Run', `${escapeHtml(runDate(manifest.run.startedAt))} · id <code>${userText(manifest.run.id, 40)}</code>`],
        ['Settings', `${sampling}near-duplicates: ${dedup}; class filter: ${userText(describeClassFilter(metrics.detections.classFilter) ?? 'none', 400)}`],
    ];
    return (`<header class="top"><div class="wrap"><h1><small>${userText(title)}</small>${userText(metrics.site)}</h1>` +
        `<dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>` +
        `${verdict(data.gates)}${dataLoss(metrics, data.nameOf)}</div></header>`);
}
/** `3 duplicates`, `1 duplicate`. */
function count(n, one, many = `${one}s`) {
    return `${format_int(n)} ${n === 1 ? one : many}`;
}
function cards(metrics) {
    const { frames, detections } = metrics;
    const card = (label, value, sub) => `<div class="card"><div class="label">${label}</div><div class="value">${value}</div><div class="sub">${sub}</div></div>`;
    return ('<section class="cards" aria-label="Key figures">' +
        card('Images kept', format_int(metrics.images), `of ${format_int(frames.sampled)} sampled frames`) +
        card('Frames sampled', format_int(frames.sampled), `from ${format_int(frames.decoded)} decoded`) +
        card('Frame-drop ratio', percent(metrics.frameDropRatio), `${format_int(frames.bad)} bad, ${count(frames.duplicates, 'duplicate')}`) +
        card('Detections', format_int(detections.total), count(detections.byClass.length, 'class', 'classes')) +
        card('Detections / image', fixed(detections.perImage.mean, 2), `mean; min ${format_int(detections.perImage.min)}, max ${format_int(detections.perImage.max)}`) +
        '</section>');
}
function classChart(metrics, colorOf, maxBars) {
    const classes = metrics.detections.byClass;
    const shown = classes.slice(0, maxBars);
    const rest = classes.slice(maxBars);
    const rows = shown.map((c) => ({
        label: c.name,
        value: c.count,
        color: colorOf(c.name),
        title: `${c.name}: ${format_int(c.count)} detections, mean score ${fixed(c.meanScore, 3)}`,
    }));
    if (rest.length > 0) {
        const count = rest.reduce((acc, c) => acc + c.count, 0);
        rows.push({ label: `${format_int(rest.length)} other classes`, value: count, color: '#a3acb9' });
    }
    const chart = horizontalBarChart(rows, { label: 'Detections per class', empty: 'No detections' });
    const undetected = describeUndetected(metrics.detections);
    return chart + (undetected !== null ? `<p class="note">${userText(undetected, 2000)}</p>` : '');
}
function perImageChart(metrics) {
    const per = metrics.detections.perImage;
    const buckets = per.histogram.map((b) => ({ label: b.label, count: b.count, title: `${b.label} detections: ${format_int(b.count)} images` }));
    return (histogramChart(buckets, { label: 'Kept images by number of detections', xTitle: 'detections in the image' }) +
        `<p class="note">Images per number of detections; mean ${fixed(per.mean, 2)}.</p>`);
}
/** Where a threshold `t` (values ≤ t are duplicates) falls on the histogram's bucket axis. */
function thresholdPosition(buckets, t) {
    for (const [i, b] of buckets.entries()) {
        if (t < b.min)
            return i;
        if (b.max === null)
            return i + 0.5;
        if (t <= b.max)
            return i + (t - b.min + 1) / (b.max - b.min + 1);
    }
    return buckets.length;
}
function phashChart(metrics, threshold, localThreshold) {
    const ph = metrics.phashDistance;
    if (ph.count === 0)
        return '<p class="note">No distances recorded (each video had at most one frame reach deduplication).</p>';
    const on = threshold >= 0;
    const buckets = ph.histogram.map((b) => ({
        label: b.label,
        count: b.count,
        color: on && b.max !== null && b.max <= threshold ? DUPLICATE_COLOR : undefined,
        title: `distance ${b.label}: ${format_int(b.count)} frames`,
    }));
    const marker = on ? { at: thresholdPosition(ph.histogram, threshold), label: `dedup ≤ ${format_int(threshold)}` } : undefined;
    return (histogramChart(buckets, { label: 'pHash distance to the last kept frame', xTitle: 'Hamming distance (bits of 64)', marker }) +
        `<p class="note">${format_int(ph.count)} distances; median ${fixed(ph.median, 1)}. ` +
        (on
            ? localThreshold === undefined
                ? 'Frames at or left of the dashed line were dropped as near-duplicates.'
                : `Frames at or left of the dashed line were dropped as near-duplicates unless part of the frame changed (local change above ${fixed(localThreshold, 1)} luma levels, the <code>local_change</code> column of metrics.csv).`
            : 'Deduplication was off.') +
        '</p>');
}
function stageChart(metrics) {
    const t = metrics.timings;
    const segments = STAGES.map((stage) => ({ label: stage, value: t.stages[stage].ms, color: STAGE_COLORS[stage] }));
    return (stackedBar(segments, { label: 'Time per stage', formatValue: format_duration, empty: 'No time recorded' }) +
        `<p class="note">Stages sum to ${format_duration(t.stageTotalMs)}; wall time ${format_duration(t.wallMs)}.</p>`);
}
function timelinePanel(data, options) {
    const timeline = buildTimeline(data.metrics, data.frames, options);
    const chart = timelineChart(timeline.tracks, { label: 'Sampled frames over video time', categories: timeline.categories, width: 960, fontSize: 12 });
    const hidden = timeline.hiddenVideos > 0 ? ` ${format_int(timeline.hiddenVideos)} more videos are not drawn; see the videos table.` : '';
    return panel('Timeline', `<div class="scroll">${chart}</div><p class="note">One column per sampled frame (or per time bin on long videos), coloured by what happened to it; bars above show detections in kept frames.${hidden}</p>`, true);
}
function figures(thumbnails) {
    return thumbnails.map((t) => {
        const classes = t.classes.slice(0, 4).map((c) => `${format_int(c.count)} ${userText(c.name, 30)}`).join(', ');
        const more = t.classes.length > 4 ? ', …' : '';
        const alt = `${t.image}: ${t.detections} detections`;
        return (`<figure><a href="${relativeHref(t.image)}"><img src="${relativeHref(t.thumb)}" width="${t.width}" height="${t.height}" alt="${userText(alt, 200)}"></a>` +
            `<figcaption>${userText(t.video, 40)} · ${clock(t.timestampMs)} · ${count(t.detections, 'detection')}${classes ? `: ${classes}${more}` : ''}</figcaption></figure>`);
    });
}
function failedNote(sheet) {
    return sheet.failed.length > 0 ? `<p class="note">${count(sheet.failed.length, 'thumbnail')} could not be made (image missing or unreadable).</p>` : '';
}
function contactSheetSection(sheet) {
    if (!sheet)
        return '';
    const { thumbnails } = sheet;
    const failed = failedNote(sheet);
    if (thumbnails.length === 0)
        return panel('Contact sheet', `<p class="note">No kept images.</p>${failed}`, true);
    const intro = `<p class="note">${format_int(thumbnails.length)} of ${format_int(sheet.keptImages)} kept images, spread evenly over the run, with the detections drawn in. Select one for the full image.</p>`;
    return panel('Contact sheet', `${intro}<div class="sheet">${figures(thumbnails).join('')}</div>${failed}`, true);
}
function exportsSection(metrics) {
    if (metrics.exports.length === 0)
        return '';
    const rows = metrics.exports.map((e) => [
        escapeHtml(e.format),
        e.files.map((f) => `<a href="${relativeHref(f)}${f.endsWith('/') ? '/' : ''}">${escapeHtml(f)}</a>`).join('<br>'),
        format_int(e.images),
        format_int(e.boxes),
    ]);
    return panel('Exports', table(['Format', 'Files', ['Images', 'n'], ['Boxes', 'n']], rows), true);
}
function selectionSection(metrics, sheet) {
    const selection = metrics.selection;
    if (!selection)
        return '';
    const intro = `<p class="note">${format_int(selection.selected)} of ${format_int(selection.requested)} requested frames chosen for labelling ` +
        `(<a href="selection.json">selection.json</a> gives the reason for each): ${format_int(selection.byReason.class)} to show every class seen ` +
        `(${format_int(selection.classesCovered)} of ${format_int(selection.classes)} classes covered), ${format_int(selection.byReason.spread)} for being least like the others.` +
        `${selection.exportsOnlySelected ? ' The exports hold only these frames.' : ''}` +
        `${sheet && sheet.thumbnails.length < selection.selected ? ` The first ${format_int(sheet.thumbnails.length)} in run order are shown.` : ''}</p>`;
    const body = sheet && sheet.thumbnails.length > 0 ? `<div class="sheet">${figures(sheet.thumbnails).join('')}</div>${failedNote(sheet)}` : '';
    return panel('Selected for labelling', intro + body, true);
}
function dropsTable(metrics) {
    const { frames } = metrics;
    const share = (n, of) => percent(of > 0 ? n / of : 0);
    const rows = DROP_REASONS.map((reason) => {
        const n = frames.droppedByReason[reason];
        const color = OUTCOMES.find((o) => o.key === reason)?.color ?? '#999';
        return [swatched(color, reason), format_int(n), share(n, frames.sampled), share(n, frames.dropped)];
    });
    return table(['Reason', ['Frames', 'n'], ['Of sampled', 'n'], ['Of dropped', 'n']], rows, [
        'All drops',
        format_int(frames.dropped),
        share(frames.dropped, frames.sampled),
        frames.dropped > 0 ? '100.0%' : '0.0%',
    ]);
}
function videosTable(metrics, maxRows) {
    if (metrics.videos.length === 0)
        return '<p class="note">No videos.</p>';
    const { shown, note } = capped(metrics.videos, maxRows, 'videos');
    const rows = shown.map((v) => [
        format_int(v.index + 1),
        `${userText(v.name)}<br><code title="sha256">${escapeHtml(v.sha256.slice(0, 12))}</code>`,
        format_duration(v.durationSeconds * 1000),
        `${format_int(v.width)}×${format_int(v.height)} @ ${fixed(v.fps, 2)}`,
        bytes(v.sizeBytes),
        format_int(v.sampled),
        format_int(v.kept),
        `${format_int(v.bad)} / ${format_int(v.duplicates)}`,
        format_int(v.detections),
    ]);
    return (table(['#', 'Video', ['Length', 'n'], ['Size × fps', 'n'], ['File', 'n'], ['Sampled', 'n'], ['Kept', 'n'], ['Bad / dup.', 'n'], ['Detections', 'n']], rows) +
        note);
}
function classesTable(metrics, colorOf, maxRows) {
    const { byClass, total, classFilter } = metrics.detections;
    const filter = describeClassFilter(classFilter);
    const filterNote = filter === null ? '' : `<p class="note">Class filter: ${userText(filter, 400)}.</p>`;
    if (byClass.length === 0)
        return `${filterNote}<p class="note">No detections.</p>`;
    const { shown, note } = capped(byClass, maxRows, 'classes');
    const rows = shown.map((c) => [swatched(colorOf(c.name), userText(c.name)), format_int(c.count), percent(total > 0 ? c.count / total : 0), fixed(c.meanScore, 3)]);
    return filterNote + table(['Class', ['Detections', 'n'], ['Share', 'n'], ['Mean score', 'n']], rows) + note;
}
function filesSection() {
    const items = REPORT_LINKS.map((l) => `<li><a href="${relativeHref(l.href)}${l.href.endsWith('/') ? '/' : ''}">${escapeHtml(l.label)}</a> — ${escapeHtml(l.what)}</li>`);
    return panel('Files', `<ul class="files">${items.join('')}</ul>`, true);
}
/** Class colours: by position in the model's class list, so charts, tables and thumbnails agree. */
function colorsOf(data) {
    return classColors(data.manifest.model.classNames ?? [], data.metrics.detections.byClass.map((c) => c.name));
}
/** Renders report.html. Pure and deterministic; see the module comment for what bounds its size. */
function renderHtmlReport(data, contactSheet, options = {}, selectedSheet = null) {
    const { metrics, manifest } = data;
    const title = options.title ?? 'Dataset report';
    const maxRows = Math.max(1, Math.floor(options.maxTableRows ?? DEFAULT_HTML_TABLE_ROWS));
    const maxBars = Math.max(1, Math.floor(options.maxChartClasses ?? DEFAULT_CHART_CLASSES));
    const colorOf = colorsOf(data);
    const body = [
        header(data, title),
        '<main class="wrap">',
        cards(metrics),
        '<div class="grid">',
        panel('Class distribution', classChart(metrics, colorOf, maxBars)),
        panel('Detections per image', perImageChart(metrics)),
        timelinePanel(data, options),
        panel('Time per stage', stageChart(metrics)),
        panel('Near-duplicates (pHash distance)', phashChart(metrics, manifest.config.dedupThreshold, manifest.config.dedupLocalThreshold)),
        contactSheetSection(contactSheet),
        exportsSection(metrics),
        selectionSection(metrics, selectedSheet),
        panel('Dropped frames', dropsTable(metrics)),
        panel('Classes', classesTable(metrics, colorOf, maxRows)),
        panel('Videos', videosTable(metrics, maxRows), true),
        filesSection(),
        '</div>',
        `<footer><p>Made by dataset-gen ${userText(manifest.tool.version, 40)}${manifest.tool.gitCommit ? ` (commit ${escapeHtml(manifest.tool.gitCommit.slice(0, 12))})` : ''}. ` +
            'Self-contained: no scripts, no external resources.</p></footer>',
        '</main>',
    ];
    return [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        // Nothing but this page's own style and images from its folder may load; no script at all.
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">`,
        '<meta name="color-scheme" content="light">',
        `<title>${userText(title)}: ${userText(metrics.site)}</title>`,
        `<style>${CSS}</style>`,
        '</head>',
        '<body>',
        ...body,
        '</body>',
        '</html>',
        '',
    ].join('\n');
}
/**
 * Makes the contact sheet (`report/thumbs/`) and writes `report.html` into the dataset folder
 * `datasetDir` (which must already hold `images/`).
 */
async function writeHtmlReport(datasetDir, input, options = {}) {
    const contactSheet = await buildContactSheet(datasetDir, input.kept, { ...options, colorOf: colorsOf(input) });
    const selectedSheet = input.selected
        ? await buildContactSheet(datasetDir, input.selected, { ...options, maxThumbnails: MAX_THUMBNAILS, dir: SELECTED_THUMBS_DIR, colorOf: colorsOf(input) })
        : null;
    const html = renderHtmlReport(input, contactSheet, options, selectedSheet);
    const file = external_node_path_default().join(datasetDir, DATASET_FILES.reportHtml);
    await (0,promises_namespaceObject.writeFile)(file, html);
    return { file, html, contactSheet, selectedSheet };
}

;// CONCATENATED MODULE: ./src/report/text-bars.ts
/** Plain-text bar charts for Markdown, one line per row, drawn with `textBar`. */


/**
 * A plain-text chart, one line per row: label padded to a column, the bar, then the value.
 * Lines have no trailing newline; join them as you like. Control characters in labels become spaces.
 */
function barChart(rows, options = {}) {
    const width = options.width ?? 30;
    const format = options.formatValue ?? ((v) => String(v));
    const maxLabel = options.maxLabelLength ?? 24;
    // eslint-disable-next-line no-control-regex
    const labels = rows.map((r) => cut(r.label.replace(/[\u0000-\u001f\u007f]/g, ' '), maxLabel));
    const labelWidth = labels.reduce((acc, l) => Math.max(acc, [...l].length), 0);
    const max = rows.reduce((acc, r) => Math.max(acc, Number.isFinite(r.value) ? r.value : 0), 0);
    return rows.map((row, i) => {
        const label = labels[i] ?? '';
        const padded = label + ' '.repeat(labelWidth - [...label].length);
        const bar = textBar(row.value, max, width);
        return `${padded} ${bar}${bar ? ' ' : ''}${format(row.value)}`;
    });
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
/**
 * report.md: a human-readable rendering of `RunMetrics` (and nothing else). Every string that comes
 * from the user (site, video and class names, link labels) is Markdown-escaped and length-capped,
 * long tables are cut to `maxTableRows`, and the whole document is kept under `MAX_REPORT_BYTES`.
 */







/** report.md never exceeds this many bytes (UTF-8). */
const MAX_REPORT_BYTES = 1024 * 1024;
const DEFAULT_MAX_TABLE_ROWS = 50;
/** User strings longer than this (in characters, before escaping) are cut with an ellipsis. */
const MAX_NAME_LENGTH = 120;
/** Escapes text for use inside Markdown (including table cells) so it renders literally. */
function escapeMarkdown(text) {
    return (text
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_|[\]~#]/g, (c) => `\\${c}`));
}
function markdown_userText(text) {
    return escapeMarkdown(cut(text, MAX_NAME_LENGTH));
}
function markdown_seconds(ms) {
    return `${fixed(ms / 1000, 1)} s`;
}
function markdown_table(header, align, rows) {
    const sep = align.map((a) => (a === 'r' ? '---:' : '---'));
    return [`| ${header.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}
/** The first `limit` rows plus, when some were cut, a note saying how many. */
function truncated(items, limit, noun) {
    if (items.length <= limit)
        return { shown: items, note: [] };
    const left = items.length - limit;
    return { shown: items.slice(0, limit), note: ['', `_${format_int(left)} more ${noun} not shown._`] };
}
function chart(lines) {
    return ['', '```text', ...lines, '```'];
}
function markdown_histogramChart(buckets) {
    return chart(barChart(buckets.map((b) => ({ label: b.label, value: b.count })), { formatValue: format_int }));
}
function encodeHref(href) {
    // encodeURI keeps the path structure; parentheses and spaces would end or break the link target.
    return encodeURI(cut(href, 2048)).replace(/\(/g, '%28').replace(/\)/g, '%29');
}
function render(metrics, options, maxRows) {
    const out = [];
    const title = options.title ?? 'Dataset report';
    const { frames, detections, timings } = metrics;
    out.push(`# ${markdown_userText(title)}: ${markdown_userText(metrics.site)}`, '');
    if (metrics.dataLoss.length > 0) {
        out.push('> [!WARNING]', '> **Data was lost:**');
        for (const warning of metrics.dataLoss)
            out.push(`> - ${escapeMarkdown(describeDataLoss(warning, options.nameOf))}`);
        out.push('');
    }
    out.push('## Summary', '');
    out.push(...markdown_table(['Metric', 'Value'], ['l', 'r'], [
        ['Images kept', format_int(metrics.images)],
        ['Frames sampled', format_int(frames.sampled)],
        ['Frame drop ratio', percent(metrics.frameDropRatio)],
        ['Detections', format_int(detections.total)],
        ['Class filter', markdown_userText(describeClassFilter(detections.classFilter) ?? 'none: every model class is detected')],
        ['Mean detections per image', fixed(detections.perImage.mean, 2)],
        ['Frames decoded', format_int(frames.decoded)],
        ['Videos', format_int(metrics.videos.length)],
        ['Wall time', markdown_seconds(timings.wallMs)],
        ['Video processed', markdown_seconds(metrics.compute.videoSeconds * 1000)],
        ['Execution providers', metrics.compute.executionProviders.length > 0 ? markdown_userText(metrics.compute.executionProviders.join(', ')) : '—'],
        ['Compute per video-hour', markdown_seconds(metrics.compute.computeSecondsPerVideoHour * 1000)],
        ...(metrics.compute.pricePerHour === null
            ? []
            : [
                [`Cost at $${fixed(metrics.compute.pricePerHour, 3)}/h`, `$${fixed(metrics.compute.cost ?? 0, 4)}`],
                ['Cost per video-hour', `$${fixed(metrics.compute.costPerVideoHour ?? 0, 4)}`],
            ]),
    ]));
    if (metrics.exports.length > 0) {
        out.push('', '## Exports', '');
        out.push(...markdown_table(['Format', 'Files', 'Images', 'Boxes'], ['l', 'l', 'r', 'r'], metrics.exports.map((e) => [e.format, e.files.map((f) => `\`${f}\``).join(', '), format_int(e.images), format_int(e.boxes)])));
    }
    const selection = metrics.selection;
    if (selection) {
        out.push('', '## Selected for labelling', '');
        out.push(`${format_int(selection.selected)} of ${format_int(selection.requested)} requested frames (\`selection.json\` gives the reason for each): ` +
            `${format_int(selection.byReason.class)} to show every class seen (${format_int(selection.classesCovered)} of ${format_int(selection.classes)} covered), ` +
            `${format_int(selection.byReason.spread)} for being least like the others.${selection.exportsOnlySelected ? ' The exports hold only these frames.' : ''}`);
        const { shown, note } = truncated(selection.files, maxRows, 'frames');
        out.push('', ...shown.map((file) => `- ${markdown_userText(file)}`), ...note);
    }
    out.push('', '## Dropped frames', '');
    out.push(...markdown_table(['Reason', 'Frames', 'Share of sampled'], ['l', 'r', 'r'], DROP_REASONS.map((reason) => {
        const n = frames.droppedByReason[reason];
        return [reason, format_int(n), percent(frames.sampled > 0 ? n / frames.sampled : 0)];
    })));
    out.push(...chart(barChart(DROP_REASONS.map((reason) => ({ label: reason, value: frames.droppedByReason[reason] })), { formatValue: format_int })));
    out.push('', '## Classes', '');
    const filter = describeClassFilter(detections.classFilter);
    if (filter !== null)
        out.push(`Class filter: ${markdown_userText(filter)}.`, '');
    if (detections.byClass.length === 0) {
        out.push('No detections.');
    }
    else {
        const maxCount = detections.byClass[0]?.count ?? 0;
        const { shown, note } = truncated(detections.byClass, maxRows, 'classes');
        out.push(...markdown_table(['Class', 'Count', 'Mean score', ''], ['l', 'r', 'r', 'l'], shown.map((c) => [markdown_userText(c.name), format_int(c.count), fixed(c.meanScore, 3), textBar(c.count, maxCount, 20)])), ...note);
    }
    const undetected = describeUndetected(detections);
    if (undetected !== null)
        out.push('', markdown_userText(undetected));
    out.push('', '## Detections per image', '');
    const per = detections.perImage;
    out.push(`Min ${format_int(per.min)}, mean ${fixed(per.mean, 2)}, max ${format_int(per.max)}.`);
    out.push(...markdown_histogramChart(per.histogram));
    out.push('', '## Near-duplicate distance (pHash)', '');
    const ph = metrics.phashDistance;
    if (ph.count === 0) {
        out.push('No distances recorded.');
    }
    else {
        out.push(`${format_int(ph.count)} distances to the previous kept frame: min ${fixed(ph.min, 0)}, ` +
            `median ${fixed(ph.median, 1)}, max ${fixed(ph.max, 0)}.`);
        out.push(...markdown_histogramChart(ph.histogram));
    }
    out.push('', '## Stage timings', '');
    out.push(...markdown_table(['Stage', 'ms', 'Share'], ['l', 'r', 'r'], [
        ...STAGES.map((stage) => [stage, fixed(timings.stages[stage].ms, 1), percent(timings.stages[stage].share)]),
        ['**total**', fixed(timings.stageTotalMs, 1), percent(timings.stageTotalMs > 0 ? 1 : 0)],
    ]));
    out.push('', '## Videos', '');
    if (metrics.videos.length === 0) {
        out.push('No videos.');
    }
    else {
        const { shown, note } = truncated(metrics.videos, maxRows, 'videos');
        out.push(...markdown_table(['#', 'Video', 'SHA-256', 'Duration', 'fps', 'Size', 'Decoded', 'Sampled', 'Kept', 'Dropped', 'Detections'], ['r', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'], shown.map((v) => [
            String(v.index + 1),
            markdown_userText(v.name),
            escapeMarkdown(v.sha256.slice(0, 12)),
            `${fixed(v.durationSeconds, 1)} s`,
            fixed(v.fps, 2),
            `${format_int(v.width)}×${format_int(v.height)}, ${bytes(v.sizeBytes)}`,
            format_int(v.decoded),
            format_int(v.sampled),
            format_int(v.kept),
            format_int(v.dropped),
            format_int(v.detections),
        ])), ...note);
    }
    const links = options.imageLinks ?? [];
    if (links.length > 0) {
        out.push('', '## Sample images', '');
        const { shown, note } = truncated(links, maxRows, 'images');
        out.push(...shown.map((l) => `- [${markdown_userText(l.label ?? l.href)}](${encodeHref(l.href)})`), ...note);
    }
    out.push('');
    return out.join('\n');
}
function byteLength(text) {
    return Buffer.byteLength(text, 'utf8');
}
/** Renders report.md. The result is always under `MAX_REPORT_BYTES`. */
function renderMarkdownReport(metrics, options = {}) {
    const requested = options.maxTableRows ?? DEFAULT_MAX_TABLE_ROWS;
    const longest = Math.max(1, metrics.detections.byClass.length, metrics.videos.length, options.imageLinks?.length ?? 0, metrics.selection?.files.length ?? 0);
    let rows = Math.min(longest, Number.isFinite(requested) ? Math.max(1, Math.floor(requested)) : DEFAULT_MAX_TABLE_ROWS);
    let text = render(metrics, options, rows);
    // Too big: shrink the long tables in proportion (rows are capped in length, so this converges fast).
    for (let size = byteLength(text); size >= MAX_REPORT_BYTES && rows > 1; size = byteLength(text)) {
        rows = Math.max(1, Math.min(rows - 1, Math.floor((rows * MAX_REPORT_BYTES * 0.9) / size)));
        text = render(metrics, options, rows);
    }
    if (byteLength(text) >= MAX_REPORT_BYTES) {
        const marker = '\n\n_Report cut to stay under 1 MiB._\n';
        text = cutToBytes(text, MAX_REPORT_BYTES - byteLength(marker) - 1) + marker;
    }
    return text;
}

;// CONCATENATED MODULE: ./src/pipeline/write-reports.ts
/**
 * The run's reports, written into the staging folder from the one metrics model: metrics.json,
 * metrics.csv (a row per sampled frame), report.md, report.html (with its contact sheet under
 * report/) and metrics.prom (Prometheus text format).
 */







/** Writes the reports; returns the Prometheus registry so the run can push the same numbers. */
async function writeReports(dir, recorder, metrics, manifest, gates = [], nameOf) {
    await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(dir, DATASET_FILES.metrics), `${JSON.stringify(metrics, null, 2)}\n`);
    await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(dir, DATASET_FILES.metricsCsv), frameRowsCsv(recorder.frames));
    const imageLinks = recorder.kept.slice(0, 4).map((k) => ({ href: `${DATASET_FILES.images}/${k.file}`, label: k.file }));
    await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(dir, DATASET_FILES.report), renderMarkdownReport(metrics, { imageLinks, nameOf }));
    const chosen = new Set(metrics.selection?.files);
    const selected = metrics.selection ? recorder.kept.filter((k) => chosen.has(k.file)) : undefined;
    await writeHtmlReport(dir, { metrics, manifest, frames: recorder.frames, kept: recorder.kept, selected, gates, nameOf });
    const registry = buildPrometheusRegistry({
        metrics,
        manifest,
        detectionsPerImage: recorder.kept.map((k) => k.detections.length),
    });
    await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(dir, DATASET_FILES.prometheus), await renderPrometheus(registry));
    return registry;
}

;// CONCATENATED MODULE: ./src/pipeline/merge.ts
/**
 * `dataset-gen merge`: joins datasets of the same model and config (typically time ranges of long
 * videos, processed by different jobs) into one. Images are copied, the COCO file is rebuilt from
 * every part's kept images (so ids are unique and in the order one run would give them), the frame
 * rows are joined in sampling order, and metrics and reports are computed again from them; a
 * labelling budget (`--select`) is chosen again over the merged frames from the parts' features; the
 * manifest lists the parts. Parts whose frames overlap, or that hold different videos under one name,
 * are refused.
 */


















/** The parts' videos, one entry per video (by stem) in order of first appearance, decoded frames summed. */
function joinVideos(parts) {
    const byStem = new Map();
    for (const part of parts) {
        for (const video of part.manifest.videos) {
            const seen = byStem.get(video.stem);
            if (!seen) {
                byStem.set(video.stem, { video: { ...video }, from: part.given });
            }
            else if (seen.video.sha256 !== video.sha256) {
                throw new errors/* UsageError */.eb(`Cannot merge: video ${video.stem} in ${part.given} is not the video of that name in ${seen.from} (sha256 differs); image names would clash`);
            }
            else {
                seen.video.framesDecoded += video.framesDecoded;
                seen.video.decodeErrors += video.decodeErrors;
            }
        }
    }
    return [...byStem.values()].map(({ video }) => video);
}
/** Rows of every part in sampling order (video, then frame); a frame in two parts means their ranges overlap. */
function joinFrames(parts, rank) {
    const owner = new Map();
    for (const part of parts) {
        for (const frame of part.frames) {
            const key = `${frame.video}#${frame.frameIndex}`;
            const other = owner.get(key);
            if (other !== undefined) {
                throw new errors/* UsageError */.eb(`Cannot merge: frame ${frame.frameIndex} of ${frame.video} is in both ${other} and ${part.given}; their time ranges overlap`);
            }
            owner.set(key, part.given);
        }
    }
    return parts.flatMap((p) => p.frames).sort((a, b) => (rank.get(a.video) ?? 0) - (rank.get(b.video) ?? 0) || a.frameIndex - b.frameIndex);
}
/** The range the parts cover together; null when that is every video whole. */
function coveredRange(parts) {
    const ranges = parts.map((p) => p.manifest.config.timeRange ?? null);
    if (ranges.some((r) => r === null))
        return null;
    const startMs = Math.min(...ranges.map((r) => r.startMs));
    const endMs = ranges.some((r) => r.endMs === null) ? null : Math.max(...ranges.map((r) => r.endMs));
    return startMs === 0 && endMs === null ? null : { startMs, endMs };
}
function summedRecord(parts, frames, kept, videos, labelling) {
    const stageMs = Object.fromEntries(STAGES.map((stage) => [stage, parts.reduce((acc, p) => acc + p.metrics.timings.stages[stage].ms, 0)]));
    const wallMs = parts.reduce((acc, p) => acc + p.metrics.timings.wallMs, 0);
    return { stageMs, frames, kept, videos, wallMs, exports: labelling.exports, selection: labelling.selection, exportsOnlySelected: labelling.selectedOnly };
}
function videoRecords(videos) {
    return videos.map(({ sha256, decode, decodeReason, framesDecoded, decodeErrors, truncatedAtSeconds, ...info }, index) => ({
        info: { ...info, index },
        sha256,
        decode: { mode: decode, reason: decodeReason },
        framesDecoded,
        decodeErrors,
        ...(truncatedAtSeconds === null ? {} : { truncatedAtMs: truncatedAtSeconds * 1000 }),
    }));
}
async function mergeDatasets(request, hooks = {}) {
    const startedAt = new Date();
    const logger = hooks.logger ?? silentLogger();
    const name = hooks.nameOf ?? run_options_cliName;
    const cwd = request.cwd ?? process.cwd();
    if (request.parts.length === 0)
        throw new errors/* UsageError */.eb('merge needs at least one dataset folder: dataset-gen merge <dataset>... --out <dir>');
    const parts = await Promise.all(request.parts.map((given) => readDatasetPart(given, cwd)));
    checkMergeable(parts);
    const first = parts[0];
    const videos = joinVideos(parts);
    const rank = new Map(videos.map((v, i) => [v.stem, i]));
    const frames = joinFrames(parts, rank);
    const kept = parts.flatMap((p) => p.kept).sort((a, b) => (rank.get(a.video) ?? 0) - (rank.get(b.video) ?? 0) || a.frameIndex - b.frameIndex);
    const { config, model } = first.manifest;
    const budget = request.budget ?? { select: typeof config.select === 'number' ? config.select : null, selectOnly: config.selectOnly === true };
    const unfeatured = request.budget === undefined ? undefined : parts.find((part) => part.features === null);
    if (unfeatured) {
        throw new errors/* UsageError */.eb(`${unfeatured.given} has no ${EXPORT_FILES.selectionFeatures}, which ${name('select')} at merge chooses from; a run writes it when given ${name('select')} (any budget): run that part again with it`);
    }
    await checkOutputDir(request.outDir, request.overwrite, name, { inputs: request.parts.map((part) => external_node_path_default().resolve(cwd, part)), cwd });
    const staging = await createStagingDir(request.outDir, [DATASET_FILES.images, external_node_path_default().dirname(DATASET_FILES.coco)], name);
    try {
        for (const part of parts) {
            for (const image of part.kept) {
                await (0,promises_namespaceObject.copyFile)(external_node_path_default().join(part.dir, DATASET_FILES.images, image.file), external_node_path_default().join(staging, DATASET_FILES.images, image.file));
            }
        }
        const cocoContext = {
            site: config.site,
            toolVersion: first.manifest.tool.version,
            categories: first.coco.categories.map((c) => c.name),
            videoOrder: videos.map((v) => v.stem),
        };
        const coco = buildCoco(kept, cocoContext);
        await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(staging, DATASET_FILES.coco), serializeCoco(coco));
        // The labelling budget (the parts' own, the same as their configs match, or the one given to
        // merge) and the exports, chosen and written again from the merged records and the parts'
        // features, as one run over every range would.
        const labelling = await writeLabelling({
            dir: staging,
            kept,
            features: new Map(parts.flatMap((part) => [...(part.features ?? [])])),
            select: budget.select,
            selectOnly: budget.selectOnly,
            coco,
            cocoContext,
            exports: {
                formats: config.exports ?? ['coco'],
                site: config.site,
                modelClasses: model.classNames,
                modelVersion: `${config.model.name}@${model.sha256.slice(0, 12)}`,
                labelStudioImages: config.labelStudioImages ?? DEFAULT_LABEL_STUDIO_IMAGES,
                colorOf: classColors(model.classNames, coco.categories.map((c) => c.name)),
            },
        });
        const record = summedRecord(parts, frames, kept, videoRecords(videos), labelling);
        const metrics = computeMetrics(record, {
            site: config.site,
            classNames: model.classNames,
            videoSeconds: parts.reduce((acc, p) => acc + p.metrics.compute.videoSeconds, 0),
            pricePerHour: config.pricePerHour,
            executionProviders: [...new Set(parts.flatMap((p) => p.manifest.runtime.executionProviders))],
        });
        const finishedAt = new Date();
        const manifest = {
            ...first.manifest,
            run: {
                id: (0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex'),
                startedAt: startedAt.toISOString(),
                finishedAt: finishedAt.toISOString(),
                wallSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 10) / 100,
            },
            config: { ...config, select: budget.select, selectOnly: budget.selectOnly, timeRange: coveredRange(parts) },
            videos,
            counts: manifestCounts(metrics),
            exports: metrics.exports,
            selection: manifestSelection(metrics),
            parts: parts.map((p) => ({
                path: p.given,
                runId: p.manifest.run.id,
                timeRange: p.manifest.config.timeRange ?? null,
                images: p.manifest.counts.images,
                executionProviders: p.manifest.runtime.executionProviders,
                wallSeconds: p.manifest.run.wallSeconds,
            })),
        };
        await writeReports(staging, record, metrics, manifest);
        await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(staging, DATASET_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
        await commitStagingDir(staging, request.outDir);
        logger.info(`merged ${parts.length} datasets into ${request.outDir}: ${metrics.images} images, ${metrics.detections.total} detections`);
        return { outDir: request.outDir, metrics, manifest };
    }
    catch (error) {
        await discardStagingDir(staging);
        throw error;
    }
}

;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
var external_node_https_default = /*#__PURE__*/__nccwpck_require__.n(external_node_https_namespaceObject);
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: external "node:timers/promises"
const external_node_timers_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/model/download.ts
/**
 * Downloads model weights over HTTPS into the cache folder: streamed to a temporary file in the same
 * folder while hashing, verified, then renamed into place, so a cache entry is never half-written
 * (the temporary file is removed on every failure).
 *
 * Bounded in every way a remote host could hold the run: a size cap (checked against Content-Length
 * before reading, and while streaming), a stall timeout (no response or no bytes for that long ends
 * the attempt) and an overall deadline (retries and their waits included). Transient failures — a
 * stall, a connection reset or refused, HTTP 5xx, 408 or 429 — are retried with exponential backoff
 * a bounded number of times, each retry reported; other HTTP statuses (4xx) and a wrong sha256 are not.
 */











/** Largest model file accepted unless `maxBytes` says otherwise: 1 GiB (YOLO weights are 6–300 MB). */
const DEFAULT_MAX_MODEL_BYTES = 1024 ** 3;
const DEFAULT_DOWNLOAD_RETRIES = 3;
const DEFAULT_BACKOFF_MS = 1000;
/** A failure worth another attempt; anything else ends the download at once. */
class TransientError extends Error {
}
function isTransientStatus(status) {
    return status >= 500 || status === 408 || status === 429;
}
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
function get(url, options, limits, signal, state) {
    return new Promise((resolve, reject) => {
        const request = external_node_https_default().get(url, { ca: options.ca, signal }, resolve);
        // Socket inactivity, while waiting for the response and while its body streams.
        request.setTimeout(limits.stallMs, () => {
            state.cause = new TransientError(`no data for ${limits.stallMs / 1000} s (stalled; ${limits.names.stall} sets the limit)`);
            request.destroy(state.cause);
        });
        request.on('error', reject);
    });
}
async function download_open(url, options, limits, signal, state) {
    let current = url;
    for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop += 1) {
        if (current.protocol !== 'https:')
            throw new errors/* ModelError */.me(`Model URL ${redactUrl(current)} is not https; only https downloads are allowed`);
        const response = await get(current, options, limits, signal, state);
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
            response.resume();
            current = new URL(response.headers.location, current);
            continue;
        }
        if (status !== 200) {
            response.resume();
            if (isTransientStatus(status))
                throw new TransientError(`HTTP ${status}`);
            throw new errors/* ModelError */.me(`Model download ${redactUrl(url)} failed: HTTP ${status}; check the URL and that the runner can reach it`);
        }
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > limits.maxBytes) {
            response.destroy();
            throw new errors/* ModelError */.me(`Model download ${redactUrl(url)} refused: ${declared} bytes is more than the ${limits.maxBytes}-byte limit for a model file`);
        }
        return response;
    }
    throw new errors/* ModelError */.me(`Model download ${redactUrl(url)} failed: more than ${options.maxRedirects ?? 5} redirects`);
}
/** One attempt: the body streamed into `temporary` while hashed and counted; returns its sha256. */
async function attempt(url, temporary, options, limits, signal) {
    const state = { cause: null };
    const response = await download_open(url, options, limits, signal, state);
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    let bytes = 0;
    const counter = new external_node_stream_namespaceObject.Transform({
        transform(chunk, _encoding, callback) {
            bytes += chunk.length;
            if (bytes > limits.maxBytes) {
                callback(new errors/* ModelError */.me(`Model download ${redactUrl(url)} refused: more than the ${limits.maxBytes}-byte limit for a model file`));
                return;
            }
            hash.update(chunk);
            callback(null, chunk);
        },
    });
    try {
        await (0,external_node_stream_promises_namespaceObject.pipeline)(response, counter, (0,external_node_fs_namespaceObject.createWriteStream)(temporary));
    }
    catch (error) {
        // The request's stall error reaches the body stream as a plain "aborted": report the cause.
        throw state.cause ?? error;
    }
    return hash.digest('hex');
}
function download_describe(error) {
    const code = error.code;
    const message = error.message ?? String(error);
    return code && !message.includes(code) ? `${message} (${code})` : message;
}
function isTransient(error) {
    if (error instanceof TransientError)
        return true;
    if (error instanceof errors/* ModelError */.me)
        return false;
    const code = error.code;
    return (code !== undefined && TRANSIENT_CODES.has(code)) || /socket hang up|aborted/i.test(error.message ?? '');
}
/** Downloads `url` to `<cacheDir>/<sha256>.onnx` and returns that path and the digest. */
async function downloadModel(url, cacheDir, expectedSha256, options = {}) {
    try {
        await (0,promises_namespaceObject.mkdir)(cacheDir, { recursive: true });
    }
    catch (error) {
        throw new errors/* ModelError */.me(`Cannot create the model cache folder ${cacheDir}: ${error.message}; set DATASET_GEN_CACHE to a writable folder`);
    }
    const names = options.timeoutNames ?? { stall: '--stall-timeout', deadline: '--download-timeout' };
    const limits = {
        stallMs: options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_SECONDS * 1000,
        maxBytes: options.maxBytes ?? DEFAULT_MAX_MODEL_BYTES,
        names,
    };
    const deadlineMs = options.deadlineMs ?? DEFAULT_DOWNLOAD_TIMEOUT_SECONDS * 1000;
    const deadline = AbortSignal.timeout(deadlineMs);
    const retries = options.retries ?? DEFAULT_DOWNLOAD_RETRIES;
    const shown = redactUrl(url);
    const temporary = external_node_path_default().join(cacheDir, `.download-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`);
    try {
        for (let tried = 0;; tried += 1) {
            try {
                const sha256 = await attempt(new URL(url), temporary, options, limits, deadline);
                if (expectedSha256 && sha256 !== expectedSha256) {
                    throw new errors/* ModelError */.me(`Model download ${shown}: sha256 is ${sha256}, expected ${expectedSha256}; the file changed upstream or the pin is wrong`);
                }
                const target = external_node_path_default().join(cacheDir, `${sha256}.onnx`);
                await (0,promises_namespaceObject.rename)(temporary, target);
                return { path: target, sha256 };
            }
            catch (error) {
                await (0,promises_namespaceObject.rm)(temporary, { force: true });
                if (deadline.aborted) {
                    throw new errors/* ModelError */.me(`Model download ${shown} did not finish within ${deadlineMs / 1000} s (${names.deadline}); check the network, or raise ${names.deadline}`);
                }
                if (!isTransient(error))
                    throw error;
                if (tried >= retries) {
                    throw new errors/* ModelError */.me(`Model download ${shown} failed after ${tried + 1} attempts: ${download_describe(error)}; check the URL and the network`);
                }
                const wait = (options.backoffMs ?? DEFAULT_BACKOFF_MS) * 2 ** tried;
                options.onRetry?.(`Model download ${shown} failed (${download_describe(error)}); retry ${tried + 1} of ${retries} in ${wait / 1000} s`);
                await (0,external_node_timers_promises_namespaceObject.setTimeout)(wait, undefined, { signal: deadline }).catch(() => undefined);
            }
        }
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(temporary, { force: true });
        if (error instanceof errors/* ModelError */.me)
            throw error;
        throw new errors/* ModelError */.me(`Model download ${shown} failed: ${download_describe(error)}; check the URL and the network`);
    }
}

;// CONCATENATED MODULE: ./src/model/sha256.ts


/** Bytes read per call: large enough that the reads cost little, small enough to stay in cache. */
const CHUNK_BYTES = 1 << 20;
/**
 * sha256 of a file, streamed through one reused buffer (constant memory whatever its size). A read
 * stream allocates a fresh buffer per chunk, and touching that new memory costs more than the hash:
 * a 60 MB video took 390 ms through a stream and 65-95 ms through one buffer.
 */
async function sha256File(file) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const handle = await (0,promises_namespaceObject.open)(file, 'r');
    try {
        const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
        for (;;) {
            const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
            if (bytesRead === 0)
                break;
            hash.update(buffer.subarray(0, bytesRead));
        }
    }
    finally {
        await handle.close();
    }
    return hash.digest('hex');
}
function sha256Text(text) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(text).digest('hex');
}

;// CONCATENATED MODULE: ./src/model/resolve.ts
/**
 * Where the model weights come from, in order: an explicit path (--model / DATASET_GEN_MODEL), the
 * model config's `source.path`, the cache entry for its `source.url`, or a download into the cache.
 */








/** The library's default: the CLI's flags. */
const DEFAULT_NAMES = { model: run_options_cliName('model'), sha256: run_options_cliName('model-sha256'), env: null };
const EXPORT_HINT = 'to make one: `pip install ultralytics && yolo export model=yolov8n.pt format=onnx` (writes yolov8n.onnx)';
function defaultCacheDir() {
    return process.env.DATASET_GEN_CACHE || external_node_path_default().join(external_node_os_default().homedir(), '.cache', 'dataset-gen');
}
async function checkWeightsFile(file, what, names) {
    let info;
    try {
        info = await (0,promises_namespaceObject.stat)(file);
    }
    catch {
        throw new errors/* ModelError */.me(`Model ${file} (${what}) does not exist; pass an ONNX file with ${names.model}, ${EXPORT_HINT}`);
    }
    if (!info.isFile())
        throw new errors/* ModelError */.me(`Model ${file} (${what}) is not a file; pass an .onnx file`);
    if (info.size === 0)
        throw new errors/* ModelError */.me(`Model ${file} (${what}) is empty (0 bytes); re-export or re-download it`);
}
async function fromFile(file, what, origin, names) {
    await checkWeightsFile(file, what, names);
    return { path: file, sha256: await sha256File(file), origin, url: null, pinned: false };
}
async function exists(file) {
    return (0,promises_namespaceObject.stat)(file).then((s) => s.isFile() && s.size > 0, () => false);
}
async function fromUrl(url, pinned, options) {
    const cacheDir = options.cacheDir ?? defaultCacheDir();
    const urlIndex = external_node_path_default().join(cacheDir, 'urls', `${sha256Text(url)}.sha256`);
    const known = pinned ?? (await (0,promises_namespaceObject.readFile)(urlIndex, 'utf8').then((t) => t.trim(), () => undefined));
    if (known) {
        const cached = external_node_path_default().join(cacheDir, `${known}.onnx`);
        if (await exists(cached)) {
            const sha256 = await sha256File(cached);
            if (sha256 === known)
                return { path: cached, sha256, origin: 'cache', url, pinned: Boolean(pinned) };
            options.onWarning?.(`Cached model ${cached} does not match its sha256; downloading it again`);
        }
    }
    await options.beforeDownload?.();
    const downloaded = await downloadModel(url, cacheDir, pinned, options.download);
    // The index only saves a later download of an unpinned URL; failing to write it must not fail a
    // download that was already verified and cached (and a raw fs error would exit as an internal bug).
    try {
        await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(urlIndex), { recursive: true });
        await (0,promises_namespaceObject.writeFile)(urlIndex, `${downloaded.sha256}\n`);
    }
    catch (error) {
        options.onWarning?.(`Cannot record ${redactUrl(url)} in the model cache index ${urlIndex}: ${error.message}`);
    }
    if (!pinned) {
        const names = options.names ?? DEFAULT_NAMES;
        const pin = options.modelUrl === url ? `pass ${names.sha256} ${downloaded.sha256}` : `add "sha256": "${downloaded.sha256}" to the model config's source`;
        options.onWarning?.(`Model ${redactUrl(url)} is not pinned: ${pin} so a changed file is refused`);
    }
    return { path: downloaded.path, sha256: downloaded.sha256, origin: 'download', url, pinned: Boolean(pinned) };
}
async function resolveModel(loaded, options) {
    const names = options.names ?? DEFAULT_NAMES;
    if (options.modelPath) {
        const resolved = await fromFile(options.modelPath, `given with ${names.model}`, 'option', names);
        if (options.modelSha256 && resolved.sha256 !== options.modelSha256) {
            throw new errors/* ModelError */.me(`Model ${options.modelPath}: sha256 is ${resolved.sha256}, expected ${options.modelSha256}; use the pinned file or update the pin`);
        }
        return { ...resolved, pinned: Boolean(options.modelSha256) };
    }
    if (options.modelUrl)
        return fromUrl(options.modelUrl, options.modelSha256 ?? undefined, options);
    const source = loaded.config.source;
    if (source && 'path' in source) {
        return fromFile(external_node_path_default().resolve(loaded.baseDir, source.path), `source.path of ${loaded.origin}`, 'config-path', names);
    }
    if (source && 'url' in source)
        return fromUrl(source.url, source.sha256, options);
    throw new errors/* ModelError */.me(`No model weights for ${loaded.origin}: pass ${names.model} path/to/model.onnx${names.env ? ` (or set ${names.env})` : ''}, or give the model config a "source"; ${EXPORT_HINT}`);
}

;// CONCATENATED MODULE: ./src/detect/class-filter.ts
/** Turns a list of class names to keep into the set of class indices the decoder filters on. */

const LISTED = 8;
function describeClasses(classNames) {
    const listed = classNames.slice(0, LISTED).map((name) => `"${name}"`).join(', ');
    return classNames.length > LISTED ? `${listed}, … (${classNames.length} in all)` : listed;
}
/**
 * Indices of `keep` in `classNames`; undefined (no filtering) when `keep` is absent or empty.
 * Throws ConfigError naming the first unknown class and listing some valid ones.
 */
function resolveClassFilter(keep, classNames) {
    if (!keep || keep.length === 0)
        return undefined;
    const indices = new Set();
    for (const name of keep) {
        const index = classNames.indexOf(name);
        if (index >= 0) {
            indices.add(index);
            continue;
        }
        throw new errors/* ConfigError */.xL(`Unknown class "${name}" in the class filter${(0,errors/* didYouMean */.au)(name, classNames)}; the model's classes are ${describeClasses(classNames)}`);
    }
    return indices;
}

;// CONCATENATED MODULE: ./src/detect/decode.ts
/**
 * Decoding of raw YOLO output tensors into candidate boxes (before NMS), for the two output layouts:
 *
 * - `yolov8`: `[B, 4+C, N]`: per anchor cx, cy, w, h, then C class scores (no objectness).
 * - `yolov5`: `[B, N, 5+C]`: per anchor cx, cy, w, h, objectness, then C class scores;
 *   a class's score is objectness × class score.
 *
 * Boxes stay in letterbox (model input) pixels; each anchor yields at most one candidate, for its
 * best-scoring class (as Ultralytics does when not multi-label).
 */
const LAYOUT_SHAPES = {
    yolov8: '[1, 4+C, N]',
    yolov5: '[1, N, 5+C]',
};
/** Columns before the class scores in each layout. */
const BOX_FIELDS = { yolov8: 4, yolov5: 5 };
function isDynamicDim(dim) {
    return typeof dim === 'string' || dim < 0;
}
function formatShape(shape) {
    return `[${shape.join(',')}]`;
}
/**
 * Checks an output shape against a layout and, when known, the class count. Dynamic dimensions
 * pass. On a mismatch, `reason` says what was found against what the layout needs.
 */
function checkOutputShape(shape, layout, numClasses) {
    const expected = `${LAYOUT_SHAPES[layout]} (${layout})`;
    if (shape.length !== 3) {
        return { ok: false, reason: `output shape ${formatShape(shape)} has rank ${shape.length}; expected ${expected}` };
    }
    const fields = BOX_FIELDS[layout];
    const classAxis = layout === 'yolov8' ? 1 : 2;
    const classDim = shape[classAxis];
    const anchorDim = shape[layout === 'yolov8' ? 2 : 1];
    const numAnchors = isDynamicDim(anchorDim) ? null : Number(anchorDim);
    if (numAnchors === 0) {
        return { ok: false, reason: `output shape ${formatShape(shape)} has no anchors; expected ${expected}` };
    }
    if (isDynamicDim(classDim))
        return { ok: true, numClasses: numClasses ?? null, numAnchors };
    const found = Number(classDim) - fields;
    if (found < 1) {
        const none = `output shape ${formatShape(shape)} leaves no class scores (dimension ${classAxis} is ${classDim})`;
        return { ok: false, reason: `${none}; expected ${expected} with C ≥ 1` };
    }
    if (numClasses !== undefined && found !== numClasses) {
        const holds = `output shape ${formatShape(shape)} holds ${found} class scores per anchor for layout ${layout}`;
        const wanted = LAYOUT_SHAPES[layout].replace('C', String(numClasses));
        return { ok: false, reason: `${holds}, but there are ${numClasses} class names; expected ${wanted}` };
    }
    return { ok: true, numClasses: found, numAnchors };
}
/** The layouts a shape is consistent with (given the class count when known). */
function matchingLayouts(shape, numClasses) {
    return ['yolov8', 'yolov5'].filter((layout) => checkOutputShape(shape, layout, numClasses).ok);
}
function pushCandidate(out, classIndex, score, cx, cy, w, h) {
    if (!(w > 0 && h > 0) || !Number.isFinite(cx) || !Number.isFinite(cy) || !Number.isFinite(w + h))
        return;
    out.push({ classIndex, score, x: cx - w / 2, y: cy - h / 2, width: w, height: h });
}
/** `[4+C, N]` for one image starting at `base`; classes outer, anchors inner, so reads are sequential. */
function decodeYolov8(data, base, numAnchors, options) {
    const { numClasses, confidence, classFilter } = options;
    const best = new Float32Array(numAnchors).fill(-Infinity);
    const bestClass = new Int32Array(numAnchors);
    for (let c = 0; c < numClasses; c++) {
        const row = base + (4 + c) * numAnchors;
        for (let a = 0; a < numAnchors; a++) {
            const score = data[row + a];
            if (score > best[a]) {
                best[a] = score;
                bestClass[a] = c;
            }
        }
    }
    const out = [];
    for (let a = 0; a < numAnchors; a++) {
        const score = best[a];
        if (!(score >= confidence))
            continue;
        const classIndex = bestClass[a];
        if (classFilter && !classFilter.has(classIndex))
            continue;
        pushCandidate(out, classIndex, score, data[base + a], data[base + numAnchors + a], data[base + 2 * numAnchors + a], data[base + 3 * numAnchors + a]);
    }
    return out;
}
/** `[N, 5+C]` for one image starting at `base`: one row per anchor. */
function decodeYolov5(data, base, numAnchors, options) {
    const { numClasses, confidence, classFilter } = options;
    const stride = 5 + numClasses;
    const out = [];
    for (let a = 0; a < numAnchors; a++) {
        const row = base + a * stride;
        const objectness = data[row + 4];
        // score = objectness × class score ≤ objectness (scores are probabilities), so this only skips losers.
        if (!(objectness >= confidence))
            continue;
        let bestScore = -Infinity;
        let classIndex = 0;
        for (let c = 0; c < numClasses; c++) {
            const score = data[row + 5 + c];
            if (score > bestScore) {
                bestScore = score;
                classIndex = c;
            }
        }
        const score = objectness * bestScore;
        if (!(score >= confidence))
            continue;
        if (classFilter && !classFilter.has(classIndex))
            continue;
        pushCandidate(out, classIndex, score, data[row], data[row + 1], data[row + 2], data[row + 3]);
    }
    return out;
}
/**
 * Decodes a whole output tensor (`dims` as the runtime reports them) into candidates per batch
 * item. Throws when the dims do not fit the layout and class count (see `checkOutputShape`).
 */
function decodeOutput(data, dims, options) {
    const check = checkOutputShape(dims, options.layout, options.numClasses);
    if (!check.ok)
        throw new RangeError(check.reason);
    const [batch, d1, d2] = dims;
    if (data.length !== batch * d1 * d2) {
        throw new RangeError(`output holds ${data.length} values; shape ${formatShape(dims)} needs ${batch * d1 * d2}`);
    }
    const decodeOne = options.layout === 'yolov8' ? decodeYolov8 : decodeYolov5;
    const numAnchors = options.layout === 'yolov8' ? d2 : d1;
    const results = [];
    for (let b = 0; b < batch; b++)
        results.push(decodeOne(data, b * d1 * d2, numAnchors, options));
    return results;
}

;// CONCATENATED MODULE: ./src/detect/letterbox.ts
/**
 * Letterboxing: fit a packed-RGB image into the model's square input without distorting it, padding
 * the rest with grey (114), and the inverse mapping of boxes back to source pixels.
 */

/** Grey level of the padding, as in Ultralytics' letterbox. */
const PAD_VALUE = 114;
/** Byte value → float in 0..1, so the fill loop does no division. */
const UNIT_SCALE = Float32Array.from({ length: 256 }, (_, value) => value / 255);
function letterboxGeometry(width, height, inputSize) {
    if (!(width > 0 && height > 0 && inputSize > 0)) {
        throw new RangeError(`Cannot letterbox a ${width}x${height} image into ${inputSize}x${inputSize}`);
    }
    const scale = Math.min(inputSize / width, inputSize / height);
    const resizedWidth = Math.min(inputSize, Math.max(1, Math.round(width * scale)));
    const resizedHeight = Math.min(inputSize, Math.max(1, Math.round(height * scale)));
    return {
        inputSize,
        scale,
        padLeft: Math.floor((inputSize - resizedWidth) / 2),
        padTop: Math.floor((inputSize - resizedHeight) / 2),
        resizedWidth,
        resizedHeight,
    };
}
function checkRgbSize({ width, height, rgb }) {
    if (rgb.length !== width * height * 3) {
        const needed = width * height * 3;
        throw new RangeError(`RGB buffer holds ${rgb.length} bytes; a ${width}x${height} image needs ${needed}`);
    }
}
/** The image resized (sharp, linear kernel) to the geometry's resized size; itself when already that size. */
async function resizeToFit(image, geometry) {
    checkRgbSize(image);
    const { width, height, rgb } = image;
    const { resizedWidth, resizedHeight } = geometry;
    if (resizedWidth === width && resizedHeight === height)
        return image;
    const data = await (0,external_sharp_namespaceObject["default"])(rgb, { raw: { width, height, channels: 3 } })
        .resize(resizedWidth, resizedHeight, { fit: 'fill', kernel: 'linear' })
        .raw()
        .toBuffer();
    return { rgb: data, width: resizedWidth, height: resizedHeight };
}
/**
 * Writes the letterboxed input as NCHW floats in one pass: the padding as `PAD_VALUE`, the resized
 * image at its offset, without building the S × S × 3 padded image first.
 * Every element of the slot is written, so `target` may hold an earlier frame's tensor.
 */
function fillLetterboxTensor(resized, geometry, target) {
    const { inputSize, padLeft, padTop, resizedWidth, resizedHeight } = geometry;
    if (resized.width !== resizedWidth || resized.height !== resizedHeight || resized.rgb.length !== resizedWidth * resizedHeight * 3) {
        throw new RangeError(`Resized image is ${resized.width}x${resized.height}; the letterbox needs ${resizedWidth}x${resizedHeight}`);
    }
    const plane = inputSize * inputSize;
    const { data, offset } = target;
    if (offset < 0 || offset + plane * 3 > data.length) {
        throw new RangeError(`Tensor target too small: offset ${offset} + ${plane * 3} > ${data.length}`);
    }
    const pad = UNIT_SCALE[PAD_VALUE];
    const padRight = inputSize - resizedWidth - padLeft;
    const below = (padTop + resizedHeight) * inputSize;
    for (let c = 0; c < 3; c++) {
        const channel = offset + c * plane;
        data.fill(pad, channel, channel + padTop * inputSize);
        data.fill(pad, channel + below, channel + plane);
    }
    // A plain Uint8Array view: V8 indexes it faster than the Buffer subclass. One pass over the pixels
    // writes all three planes (1.4 ms a 640x480 frame, against 2.2 ms for a pass per plane).
    const pixels = new Uint8Array(resized.rgb.buffer, resized.rgb.byteOffset, resized.rgb.length);
    const green = plane;
    const blue = 2 * plane;
    for (let y = 0, p = 0; y < resizedHeight; y++) {
        const row = offset + (y + padTop) * inputSize;
        const start = row + padLeft;
        const end = start + resizedWidth;
        if (padLeft > 0)
            for (const c of [0, green, blue])
                data.fill(pad, row + c, start + c);
        for (let i = start; i < end; i++, p += 3) {
            data[i] = UNIT_SCALE[pixels[p]];
            data[i + green] = UNIT_SCALE[pixels[p + 1]];
            data[i + blue] = UNIT_SCALE[pixels[p + 2]];
        }
        if (padRight > 0)
            for (const c of [0, green, blue])
                data.fill(pad, end + c, end + padRight + c);
    }
}
/**
 * Letterboxes `image` into an S × S input and writes it as NCHW floats in 0..1, into `target` when
 * given (e.g. one slot of a batch buffer), else into a new array. Uses `image.fitted` when it already
 * has the resized size.
 */
async function letterbox(image, inputSize, target) {
    const geometry = letterboxGeometry(image.width, image.height, inputSize);
    const { fitted } = image;
    const resized = fitted && fitted.width === geometry.resizedWidth && fitted.height === geometry.resizedHeight
        ? fitted
        : await resizeToFit(image, geometry);
    const destination = target ?? { data: new Float32Array(3 * inputSize * inputSize), offset: 0 };
    fillLetterboxTensor(resized, geometry, destination);
    return { tensor: destination.data, geometry };
}
function clamp(value, low, high) {
    return value < low ? low : value > high ? high : value;
}
/**
 * Per-axis source → letterbox scale. The resized size was rounded to whole pixels, so this is where
 * source pixels actually landed (it differs from `scale` by under half a pixel over the image).
 */
function axisScales(geometry, srcWidth, srcHeight) {
    return [geometry.resizedWidth / srcWidth, geometry.resizedHeight / srcHeight];
}
/** Maps a box (top-left x, y, width, height) from letterbox pixels to source pixels, clipped to the image. */
function boxToSource(box, geometry, srcWidth, srcHeight) {
    const [sx, sy] = axisScales(geometry, srcWidth, srcHeight);
    const { padLeft, padTop } = geometry;
    const x1 = clamp((box.x - padLeft) / sx, 0, srcWidth);
    const y1 = clamp((box.y - padTop) / sy, 0, srcHeight);
    const x2 = clamp((box.x + box.width - padLeft) / sx, 0, srcWidth);
    const y2 = clamp((box.y + box.height - padTop) / sy, 0, srcHeight);
    return { x: x1, y: y1, width: Math.max(0, x2 - x1), height: Math.max(0, y2 - y1) };
}

;// CONCATENATED MODULE: ./src/detect/model-io.ts


const NO_LAYOUT = `expected ${LAYOUT_SHAPES.yolov8} (yolov8) or ${LAYOUT_SHAPES.yolov5} (yolov5)`;
function fail(modelPath, message) {
    return new errors/* ModelError */.me(`Model ${modelPath}: ${message}`);
}
function checkInput(modelPath, input, inputSize) {
    const name = input.name;
    if (!input.isTensor) {
        throw fail(modelPath, `input "${name}" is not a tensor; expected an image tensor [batch, 3, S, S]`);
    }
    if (input.type !== 'float32') {
        throw fail(modelPath, `input "${name}" has type ${input.type}; expected float32 (RGB scaled to 0..1)`);
    }
    const shape = input.shape;
    const channels = shape[1];
    if (shape.length !== 4 || channels === undefined || (!isDynamicDim(channels) && channels !== 3)) {
        const expected = `[batch, 3, ${inputSize}, ${inputSize}] (NCHW RGB)`;
        throw fail(modelPath, `input "${name}" has shape ${formatShape(shape)}; expected ${expected}`);
    }
    const [batchDim, height, width] = [shape[0], shape[2], shape[3]];
    const takes = `input "${name}" takes ${width}x${height} images (shape ${formatShape(shape)})`;
    if (!isDynamicDim(height) && !isDynamicDim(width)) {
        if (height !== width)
            throw fail(modelPath, `${takes}; only square inputs are supported`);
        if (height !== inputSize) {
            throw fail(modelPath, `${takes} but the model config has inputSize ${inputSize}; set inputSize to ${width}`);
        }
    }
    else if (!isDynamicDim(height) || !isDynamicDim(width)) {
        const fixed = isDynamicDim(height) ? width : height;
        if (fixed !== inputSize) {
            const cannot = `cannot take ${inputSize}x${inputSize} images`;
            throw fail(modelPath, `input "${name}" has shape ${formatShape(shape)}, which ${cannot}`);
        }
    }
    return {
        inputName: name,
        batchDim,
        fixedBatch: typeof batchDim === 'number' && batchDim > 0,
        dynamicSize: isDynamicDim(height) || isDynamicDim(width),
    };
}
/** Validates the model's single image input and its (first) output against the config. */
function checkModelIo(modelPath, inputs, outputs, config) {
    if (inputs.length !== 1) {
        const names = inputs.map((input) => input.name).join(', ');
        throw fail(modelPath, `has ${inputs.length} inputs (${names}); expected exactly one image input [batch, 3, S, S]`);
    }
    const input = checkInput(modelPath, inputs[0], config.inputSize);
    const output = outputs[0];
    if (!output)
        throw fail(modelPath, 'has no outputs; expected one detection output');
    if (!output.isTensor)
        throw fail(modelPath, `output "${output.name}" is not a tensor`);
    if (output.type !== 'float32') {
        throw fail(modelPath, `output "${output.name}" has type ${output.type}; expected float32`);
    }
    const shape = output.shape;
    if (!checkOutputShape(shape, config.layout).ok) {
        const others = matchingLayouts(shape);
        const found = `output shape ${formatShape(shape)}`;
        if (others.length === 0)
            throw fail(modelPath, `${found} matches no known YOLO layout; ${NO_LAYOUT}`);
        const fits = `it fits ${others.join(' or ')}: set "layout" in the model config`;
        throw fail(modelPath, `${found} does not fit layout ${config.layout} (${LAYOUT_SHAPES[config.layout]}); ${fits}`);
    }
    const outputBatch = shape[0];
    if (!isDynamicDim(outputBatch) && !isDynamicDim(input.batchDim) && outputBatch !== input.batchDim) {
        throw fail(modelPath, `output batch dimension ${outputBatch} differs from the input's (${input.batchDim})`);
    }
    return {
        inputName: input.inputName,
        outputName: output.name,
        outputShape: shape,
        batchSize: input.fixedBatch ? Number(input.batchDim) : config.batchSize,
        fixedBatch: input.fixedBatch,
        dynamicSize: input.dynamicSize,
    };
}
/**
 * The class names to use: the config's, else the model's `names` metadata; their count must equal
 * the class scores in the output.
 */
function resolveClassNames(modelPath, io, layout, configNames, metadataNames) {
    const names = configNames ?? metadataNames;
    const source = configNames ? 'the model config' : "the model's metadata";
    const shape = io.outputShape;
    if (!names) {
        const classes = checkOutputShape(shape, layout);
        const count = classes.ok && classes.numClasses !== null ? `${classes.numClasses} ` : '';
        const how = `list the ${count}class names in "classNames" of the model config`;
        throw fail(modelPath, `has no class names in its metadata ("names"); ${how}`);
    }
    const check = checkOutputShape(shape, layout, names.length);
    if (!check.ok) {
        const fits = matchingLayouts(shape, names.length).filter((other) => other !== layout);
        const hint = fits.length > 0 ? `; it fits layout ${fits[0]}: set "layout" in the model config` : '';
        throw fail(modelPath, `${check.reason} (names from ${source})${hint}`);
    }
    return [...names];
}

;// CONCATENATED MODULE: ./src/detect/nms.ts
/** Intersection over union of two top-left boxes; 0 when either is empty. */
function iou(a, b) {
    const left = Math.max(a.x, b.x);
    const top = Math.max(a.y, b.y);
    const right = Math.min(a.x + a.width, b.x + b.width);
    const bottom = Math.min(a.y + a.height, b.y + b.height);
    if (right <= left || bottom <= top)
        return 0;
    const intersection = (right - left) * (bottom - top);
    const union = a.width * a.height + b.width * b.height - intersection;
    return union > 0 ? intersection / union : 0;
}
/** Score descending, then class, x, y, width, height ascending. */
function compareCandidates(a, b) {
    return (b.score - a.score ||
        a.classIndex - b.classIndex ||
        a.x - b.x ||
        a.y - b.y ||
        a.width - b.width ||
        a.height - b.height);
}
function nms(candidates, options) {
    const { iouThreshold, maxDetections, maxCandidates = 30000 } = options;
    const sorted = [...candidates].sort(compareCandidates);
    if (sorted.length > maxCandidates)
        sorted.length = maxCandidates;
    const keptByClass = new Map();
    const kept = [];
    for (const candidate of sorted) {
        if (kept.length >= maxDetections)
            break;
        let sameClass = keptByClass.get(candidate.classIndex);
        if (!sameClass) {
            sameClass = [];
            keptByClass.set(candidate.classIndex, sameClass);
        }
        if (sameClass.some((other) => iou(candidate, other) > iouThreshold))
            continue;
        sameClass.push(candidate);
        kept.push(candidate);
    }
    return kept;
}

;// CONCATENATED MODULE: ./src/detect/python-literal.ts
/**
 * Parses the class-name literals YOLO exporters write into ONNX metadata:
 * a Python dict `{0: 'person', 1: "rock 'n' roll"}`, a Python list `['person', 'bicycle']`, or the
 * JSON forms of either. Strings may use either quote and Python/JSON escapes.
 */
const SIMPLE_ESCAPES = {
    '\\': '\\',
    "'": "'",
    '"': '"',
    '/': '/',
    n: '\n',
    r: '\r',
    t: '\t',
    a: '\x07',
    b: '\b',
    f: '\f',
    v: '\v',
    '0': '\0',
};
const HEX_ESCAPE_DIGITS = { x: 2, u: 4, U: 8 };
class LiteralReader {
    text;
    position = 0;
    constructor(text) {
        this.text = text;
    }
    get done() {
        this.skipSpace();
        return this.position >= this.text.length;
    }
    skipSpace() {
        while (this.position < this.text.length && /\s/.test(this.text[this.position]))
            this.position++;
    }
    /** Consumes `char` (after whitespace) when it is next. */
    accept(char) {
        this.skipSpace();
        if (this.text[this.position] !== char)
            return false;
        this.position++;
        return true;
    }
    peek() {
        this.skipSpace();
        return this.text[this.position];
    }
    readInt() {
        this.skipSpace();
        const match = /^\d+/.exec(this.text.slice(this.position));
        if (!match)
            return null;
        this.position += match[0].length;
        return Number(match[0]);
    }
    /** A quoted string (' or "), with escapes resolved; null when malformed. */
    readString() {
        this.skipSpace();
        const quote = this.text[this.position];
        if (quote !== "'" && quote !== '"')
            return null;
        let out = '';
        for (let i = this.position + 1; i < this.text.length; i++) {
            const char = this.text[i];
            if (char === quote) {
                this.position = i + 1;
                return out;
            }
            if (char !== '\\') {
                out += char;
                continue;
            }
            const next = this.text[i + 1];
            if (next === undefined)
                return null;
            const simple = SIMPLE_ESCAPES[next];
            const digits = HEX_ESCAPE_DIGITS[next];
            if (simple !== undefined) {
                out += simple;
                i += 1;
            }
            else if (digits !== undefined) {
                const hex = this.text.slice(i + 2, i + 2 + digits);
                if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex))
                    return null;
                out += String.fromCodePoint(parseInt(hex, 16));
                i += 1 + digits;
            }
            else {
                out += `\\${next}`; // Python keeps unknown escapes as written
                i += 1;
            }
        }
        return null;
    }
    /** A dict key: an int, or a quoted int (JSON). */
    readKey() {
        const quote = this.peek();
        if (quote !== "'" && quote !== '"')
            return this.readInt();
        const text = this.readString();
        return text !== null && /^\d+$/.test(text) ? Number(text) : null;
    }
}
function parseDict(reader) {
    const entries = new Map();
    while (!reader.accept('}')) {
        const key = reader.readKey();
        if (key === null || !reader.accept(':'))
            return null;
        const value = reader.readString();
        if (value === null || entries.has(key))
            return null;
        entries.set(key, value);
        if (!reader.accept(',') && reader.peek() !== '}')
            return null;
    }
    return entries;
}
function parseList(reader, close) {
    const entries = new Map();
    while (!reader.accept(close)) {
        const value = reader.readString();
        if (value === null)
            return null;
        entries.set(entries.size, value);
        if (!reader.accept(',') && reader.peek() !== close)
            return null;
    }
    return entries;
}
/**
 * Class names ordered by index, or null when `text` is not a dict/list of strings whose indices run
 * 0..n-1 without gaps.
 */
function parseNames(text) {
    const reader = new LiteralReader(text);
    let entries;
    if (reader.accept('{'))
        entries = parseDict(reader);
    else if (reader.accept('['))
        entries = parseList(reader, ']');
    else if (reader.accept('('))
        entries = parseList(reader, ')');
    else
        return null;
    if (!entries || !reader.done || entries.size === 0)
        return null;
    const names = [];
    for (let index = 0; index < entries.size; index++) {
        const name = entries.get(index);
        if (name === undefined)
            return null;
        names.push(name);
    }
    return names;
}

;// CONCATENATED MODULE: ./src/detect/onnx-metadata.ts
/**
 * Reads an ONNX model's custom metadata (`ModelProto.metadata_props`), which onnxruntime-node does
 * not expose. Only the file's top-level protobuf fields are walked, reading the few bytes of each
 * field's header and skipping over bodies, so the (large) graph is never read or parsed.
 *
 * Ultralytics exports store `names` as a Python dict literal ("{0: 'person', 1: 'bicycle'}"),
 * `imgsz` as a list ("[640, 640]") and `stride` as an int.
 *
 * Nothing here throws on a model without (or with unreadable) metadata: the result is just empty.
 */



/** `ModelProto.metadata_props`: repeated StringStringEntryProto { key = 1; value = 2 }. */
const METADATA_PROPS_FIELD = 14;
const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;
/** Longest tag + length header: two 10-byte varints. */
const MAX_HEADER_BYTES = 20;
/** An entry larger than this is not metadata we want to hold in memory. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
/** Decodes a base-128 varint at `offset`; null when it runs past the end or over 10 bytes. */
function readVarint(bytes, offset) {
    let value = 0;
    let multiplier = 1;
    for (let i = 0; i < 10 && offset + i < bytes.length; i++) {
        const byte = bytes[offset + i];
        value += (byte & 0x7f) * multiplier;
        if ((byte & 0x80) === 0)
            return { value, length: i + 1 };
        multiplier *= 128;
    }
    return null;
}
/** Parses the field header at `offset` of `header` (a window that starts at the field). */
function readFieldHeader(header, offset) {
    const tag = readVarint(header, offset);
    if (!tag)
        return null;
    const number = Math.floor(tag.value / 8);
    const wireType = tag.value % 8;
    const afterTag = offset + tag.length;
    if (number === 0)
        return null;
    switch (wireType) {
        case WIRE_VARINT: {
            const varint = readVarint(header, afterTag);
            return varint ? { number, wireType, bodyStart: afterTag, bodyLength: varint.length } : null;
        }
        case WIRE_FIXED64:
            return { number, wireType, bodyStart: afterTag, bodyLength: 8 };
        case WIRE_FIXED32:
            return { number, wireType, bodyStart: afterTag, bodyLength: 4 };
        case WIRE_LENGTH_DELIMITED: {
            const length = readVarint(header, afterTag);
            return length ? { number, wireType, bodyStart: afterTag + length.length, bodyLength: length.value } : null;
        }
        default:
            return null; // groups (deprecated) or garbage: stop walking
    }
}
/** Parses one StringStringEntryProto. */
function parseEntry(bytes) {
    const decoder = new TextDecoder();
    let key = null;
    let value = '';
    let offset = 0;
    while (offset < bytes.length) {
        const field = readFieldHeader(bytes, offset);
        if (!field || field.bodyStart + field.bodyLength > bytes.length)
            return null;
        if (field.wireType === WIRE_LENGTH_DELIMITED && (field.number === 1 || field.number === 2)) {
            const text = decoder.decode(bytes.subarray(field.bodyStart, field.bodyStart + field.bodyLength));
            if (field.number === 1)
                key = text;
            else
                value = text;
        }
        offset = field.bodyStart + field.bodyLength;
    }
    return key === null ? null : [key, value];
}
async function readMetadataProps(source) {
    const props = new Map();
    let position = 0;
    while (position < source.size) {
        const header = await source.read(position, Math.min(MAX_HEADER_BYTES, source.size - position));
        const field = readFieldHeader(header, 0);
        if (!field)
            break;
        const bodyStart = position + field.bodyStart;
        const end = bodyStart + field.bodyLength;
        if (end > source.size)
            break;
        if (field.number === METADATA_PROPS_FIELD && field.wireType === WIRE_LENGTH_DELIMITED) {
            if (field.bodyLength <= MAX_ENTRY_BYTES) {
                const entry = parseEntry(await source.read(bodyStart, field.bodyLength));
                if (entry)
                    props.set(entry[0], entry[1]);
            }
        }
        position = end;
    }
    return props;
}
function interpret(props) {
    const names = props.get('names');
    const imgsz = props.get('imgsz');
    const stride = props.get('stride');
    return {
        props,
        names: names === undefined ? null : parseNames(names),
        imgsz: imgsz === undefined ? null : parseImgsz(imgsz),
        stride: stride !== undefined && /^\s*\d+\s*$/.test(stride) ? Number(stride) : null,
    };
}
const EMPTY_METADATA = () => ({ props: new Map(), names: null, imgsz: null, stride: null });
/** Metadata of a serialized ModelProto held in memory. */
async function parseOnnxMetadata(bytes) {
    const source = {
        size: bytes.length,
        read: async (position, length) => bytes.subarray(position, position + length),
    };
    return interpret(await readMetadataProps(source));
}
/** Metadata of an ONNX file; empty when the file has none or cannot be read. */
async function readOnnxMetadata(file) {
    let handle;
    try {
        handle = await (0,promises_namespaceObject.open)(file, 'r');
    }
    catch {
        return EMPTY_METADATA();
    }
    try {
        const { size } = await handle.stat();
        const fileHandle = handle;
        const source = {
            size,
            read: async (position, length) => {
                const buffer = Buffer.alloc(length);
                const { bytesRead } = await fileHandle.read(buffer, 0, length, position);
                return buffer.subarray(0, bytesRead);
            },
        };
        return interpret(await readMetadataProps(source));
    }
    catch {
        return EMPTY_METADATA();
    }
    finally {
        await handle.close();
    }
}
/** Parses a Python-literal `[640, 640]`, `(640, 640)` or `640`; null otherwise. */
function parseImgsz(text) {
    if (!/^\s*[[(]?\s*\d+(\s*,\s*\d+)*\s*,?\s*[\])]?\s*$/.test(text))
        return null;
    const sizes = (text.match(/\d+/g) ?? []).map(Number);
    return sizes.length > 0 && sizes.every((size) => size > 0) ? sizes : null;
}

;// CONCATENATED MODULE: ./src/detect/runtime-layout.ts
/**
 * How many inference workers to run and how many threads each gets. On a CPU, two sessions of one
 * thread each, working on different frames, get more frames through than one session splitting every
 * operator over both cores: a split operator waits for its slowest share, so anything else running
 * (decoding, filtering, JPEG encoding) stalls the whole session, while a single-threaded session only
 * slows by the share it loses (docs/performance.md). A GPU session runs alone.
 */

/** Workers chosen by `auto` on a CPU with at least this many cores. */
const AUTO_CPU_WORKERS = 2;
function runtimeLayout(providers, requested, cores = external_node_os_default().availableParallelism()) {
    if (providers.includes('cuda'))
        return { workers: requested === 'auto' ? 1 : requested, threadsPerWorker: 0 };
    const workers = requested === 'auto' ? Math.max(1, Math.min(AUTO_CPU_WORKERS, cores)) : requested;
    return { workers, threadsPerWorker: Math.max(1, Math.floor(cores / workers)) };
}

;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./src/detect/runtime.ts
/**
 * Where inference runs. onnxruntime-node executes `session.run` synchronously on the thread that
 * calls it, so on the main thread it blocks decoding, filtering and JPEG encoding for the whole
 * inference. The session therefore lives in a worker thread: the main thread prepares the next
 * frames while the worker infers. Tensors cross by transfer, not copy.
 *
 * The worker is a small CommonJS script given as source (so it works the same from TypeScript under
 * jest, from build/, and from the ncc bundle) that loads onnxruntime-node from the resolved path.
 */


const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ort = require(workerData.ortPath);
// onnxruntime prints its own error line (in colour, with a C++ source path) before a failed CUDA load
// rejects; the rejection is reported in our words (one warning, then CPU), so only fatal lines print.
// Set before the first session: the global level is fixed when onnxruntime's environment is created.
ort.env.logLevel = 'fatal';
let session = null;
const describe = (error) => String((error && error.message) || error);
ort.InferenceSession.create(workerData.modelPath, workerData.options).then(
  (created) => {
    session = created;
    parentPort.postMessage({ type: 'ready', inputMetadata: created.inputMetadata, outputMetadata: created.outputMetadata });
  },
  (error) => parentPort.postMessage({ type: 'failed', message: describe(error) }),
);
parentPort.on('message', async (message) => {
  if (message.type === 'release') {
    if (session) await session.release();
    session = null;
    parentPort.postMessage({ type: 'released' });
    return;
  }
  try {
    const input = new ort.Tensor('float32', message.data, message.dims);
    const started = performance.now();
    const output = (await session.run({ [message.inputName]: input }, [message.outputName]))[message.outputName];
    const runMs = performance.now() - started;
    if (!output) throw new Error('the model returned no output "' + message.outputName + '"');
    const size = output.type === 'float32' ? output.data.length : 0;
    const reused = message.outputBuffer && message.outputBuffer.length === size;
    const data = reused ? message.outputBuffer : new Float32Array(size);
    if (size > 0) data.set(output.data);
    // The input buffer goes back too, for the next run: reusing it spares allocating and
    // page-faulting a fresh tensor (4.9 MB at 640) for every frame.
    const handedBack = message.data;
    parentPort.postMessage({ type: 'result', id: message.id, data, dims: output.dims, dataType: output.type, runMs, input: handedBack }, [data.buffer, handedBack.buffer]);
  } catch (error) {
    parentPort.postMessage({ type: 'result', id: message.id, error: describe(error) });
  }
});
`;
class WorkerRuntime {
    worker;
    inputMetadata;
    outputMetadata;
    nextId = 0;
    pending = new Map();
    failure = null;
    constructor(worker, inputMetadata, outputMetadata) {
        this.worker = worker;
        this.inputMetadata = inputMetadata;
        this.outputMetadata = outputMetadata;
        worker.on('message', (message) => {
            if (message.type !== 'result')
                return;
            const waiting = this.pending.get(message.id);
            this.pending.delete(message.id);
            if (!waiting)
                return;
            if (message.error !== undefined)
                waiting.reject(new Error(message.error));
            else
                waiting.resolve({ data: message.data, dims: message.dims, type: message.dataType ?? 'float32', runMs: message.runMs ?? 0, input: message.input });
        });
        const fail = (error) => {
            this.failure = error;
            for (const waiting of this.pending.values())
                waiting.reject(error);
            this.pending.clear();
        };
        worker.on('error', fail);
        worker.on('exit', (code) => fail(new Error(`the inference worker exited (code ${code})`)));
    }
    run(inputName, data, dims, outputName, outputBuffer) {
        if (this.failure)
            return Promise.reject(this.failure);
        const id = this.nextId++;
        const transfer = [data.buffer];
        if (outputBuffer && outputBuffer.buffer !== data.buffer)
            transfer.push(outputBuffer.buffer);
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.worker.postMessage({ type: 'run', id, inputName, outputName, data, dims: [...dims], outputBuffer }, transfer);
        });
    }
    async release() {
        if (this.failure)
            return;
        const released = new Promise((resolve) => {
            const onMessage = (message) => {
                if (message.type === 'released')
                    resolve();
            };
            this.worker.on('message', onMessage);
            this.worker.once('exit', () => resolve());
        });
        this.worker.postMessage({ type: 'release' });
        await released;
        this.worker.removeAllListeners('exit');
        await this.worker.terminate();
    }
}
/**
 * onnxruntime's telemetry off. When its environment is created (with the first session) onnxruntime
 * otherwise writes an empty `mat-debug-<pid>.log` and a `.ses` file into the temp folder and keeps a
 * device id and a usage database in `~/.cache/Microsoft/DeveloperTools/.onnxruntime`; with
 * ORT_DISABLE_TELEMETRY=1 it writes none of them (README "What it writes, and what it sends"). The
 * variable is read from the process environment, which the worker threads share, so it is set here,
 * before any session exists, for every door and every library user.
 */
function disableRuntimeTelemetry() {
    process.env.ORT_DISABLE_TELEMETRY = '1';
    return process.env;
}
/** Starts a worker holding one onnxruntime session; rejects with onnxruntime's message when it cannot load. */
function startRuntime(modelPath, options) {
    const env = disableRuntimeTelemetry();
    const ortPath = (0,external_node_module_namespaceObject.createRequire)(import.meta.url).resolve('onnxruntime-node');
    const worker = new external_node_worker_threads_namespaceObject.Worker(WORKER_SOURCE, { eval: true, env, workerData: { ortPath, modelPath, options } });
    return new Promise((resolve, reject) => {
        const onExit = (code) => reject(new Error(`the inference worker exited (code ${code}) while loading the model`));
        worker.once('exit', onExit);
        worker.once('error', reject);
        worker.once('message', (message) => {
            worker.off('exit', onExit);
            worker.off('error', reject);
            if (message.type === 'ready') {
                resolve(new WorkerRuntime(worker, message.inputMetadata, message.outputMetadata));
            }
            else {
                void worker.terminate();
                reject(new Error(message.type === 'failed' ? message.message : `unexpected message ${message.type}`));
            }
        });
    });
}

;// CONCATENATED MODULE: ./src/detect/runtime-pool.ts


class RuntimePool {
    members;
    outstanding;
    constructor(members) {
        this.members = members;
        if (members.length === 0)
            throw new RangeError('a runtime pool needs at least one runtime');
        this.outstanding = members.map(() => 0);
    }
    /** How many runs can be in progress at once. */
    get size() {
        return this.members.length;
    }
    get inputMetadata() {
        return this.members[0].inputMetadata;
    }
    get outputMetadata() {
        return this.members[0].outputMetadata;
    }
    async run(inputName, data, dims, outputName, outputBuffer) {
        const index = this.outstanding.indexOf(Math.min(...this.outstanding));
        this.outstanding[index]++;
        try {
            return await this.members[index].run(inputName, data, dims, outputName, outputBuffer);
        }
        finally {
            this.outstanding[index]--;
        }
    }
    async release() {
        await Promise.all(this.members.map((member) => member.release()));
    }
}
/**
 * The inference workers for a model: one session per worker of the layout (runtime-layout.ts). When
 * one cannot load, the others are released and its error is thrown.
 */
async function startRuntimePool(modelPath, providers, workers) {
    const layout = runtimeLayout(providers, workers);
    const started = await Promise.allSettled(Array.from({ length: layout.workers }, () => createSession(modelPath, providers, layout.threadsPerWorker)));
    const failed = started.find((result) => result.status === 'rejected');
    const loaded = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    if (failed) {
        await Promise.all(loaded.map((runtime) => runtime.release()));
        throw failed.reason;
    }
    return new RuntimePool(loaded);
}
async function createSession(modelPath, providers, threads) {
    return startRuntime(modelPath, {
        executionProviders: [...providers],
        graphOptimizationLevel: 'all',
        intraOpNumThreads: threads,
        // The session's own log: errors only. (A provider library that fails to load is also printed by
        // onnxruntime's process-wide logger, set once by `ort.env.logLevel`, which is left to the app.)
        logSeverityLevel: 3,
        // onnxruntime's pool threads spin while waiting for work by default; in this pipeline decoding,
        // filtering and JPEG encoding share the cores with inference, and spinning starves them
        // (measured: ~20 % less CPU and faster runs on 2 cores with spinning off; see the benchmark).
        extra: { session: { intra_op: { allow_spinning: '0' } } },
    });
}

;// CONCATENATED MODULE: ./src/detect/session.ts
/**
 * The detector: one onnxruntime-node session for a YOLO model, validated at load, that turns RGB
 * frames into detections in source pixels (letterbox → run, batched when the model allows →
 * decode → class-aware NMS → map back and clip).
 */











/** Boxes narrower or shorter than this (source pixels, after clipping) are dropped. */
const MIN_BOX_SIDE = 1;
/** First line of an error's message (duck-typed: errors from another realm are not `instanceof Error`). */
function firstLine(error) {
    const message = typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
        ? error.message
        : (0,errors/* messageOf */.bD)(error);
    return message.split('\n', 1)[0].trim();
}
/** Creates the session with the configured providers, falling back to CPU when CUDA cannot be used. */
async function openSession(modelPath, requested, workers, onWarning) {
    const unique = [...new Set(requested)];
    const loadError = (error) => {
        const why = firstLine(error);
        // A .pt checkpoint, a text file, an HTML error page saved as .onnx: not an ONNX protobuf at all.
        if (/protobuf parsing failed/i.test(why)) {
            return new errors/* ModelError */.me(`Model ${modelPath} is not an ONNX model (onnxruntime: Protobuf parsing failed); pass an .onnx file, ${EXPORT_HINT}, or give no model to use the bundled yolov8n.onnx`, { cause: error });
        }
        return new errors/* ModelError */.me(`Model ${modelPath}: onnxruntime cannot load it: ${why}`, { cause: error });
    };
    try {
        return { session: await startRuntimePool(modelPath, unique, workers), providers: unique };
    }
    catch (error) {
        if (!unique.includes('cuda'))
            throw loadError(error);
        let session;
        try {
            session = await startRuntimePool(modelPath, ['cpu'], workers);
        }
        catch (cpuError) {
            throw loadError(cpuError);
        }
        onWarning(`CUDA execution provider unavailable (${firstLine(error)}); running model ${modelPath} on CPU`);
        return { session, providers: ['cpu'] };
    }
}
/** Checked before onnxruntime sees the path, so a missing file is not mistaken for a CUDA failure. */
async function checkModelFile(modelPath) {
    let isFile;
    try {
        isFile = (await (0,promises_namespaceObject.stat)(modelPath)).isFile();
    }
    catch (error) {
        const code = error.code;
        const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : firstLine(error);
        throw new errors/* ModelError */.me(`Model ${modelPath}: cannot read the model file: ${why}`, { cause: error });
    }
    if (!isFile)
        throw new errors/* ModelError */.me(`Model ${modelPath}: cannot read the model file: not a file`);
}
class Detector {
    session;
    io;
    config;
    modelPath;
    classNames;
    providers;
    keep;
    released = false;
    /** Input buffers the workers handed back, at most one per worker. */
    spareInputs = [];
    /** Output buffers already decoded, at most one per worker. */
    spareOutputs = [];
    constructor(session, io, config, modelPath, classNames, providers, keep) {
        this.session = session;
        this.io = io;
        this.config = config;
        this.modelPath = modelPath;
        this.classNames = classNames;
        this.providers = providers;
        this.keep = keep;
    }
    /** Loads and validates the model; throws ModelError (model problems) or ConfigError (bad class filter). */
    static async create(options) {
        const { config } = options;
        const onWarning = options.onWarning ?? (() => undefined);
        const modelPath = external_node_path_default().resolve(options.modelPath);
        await checkModelFile(modelPath);
        const { session, providers } = await openSession(modelPath, config.executionProviders, options.workers ?? 'auto', onWarning);
        try {
            const io = checkModelIo(modelPath, session.inputMetadata, session.outputMetadata, config);
            const metadata = await readOnnxMetadata(modelPath);
            const classNames = resolveClassNames(modelPath, io, config.layout, config.classNames, metadata.names);
            const exported = metadata.imgsz?.[0];
            if (io.dynamicSize && exported !== undefined && exported !== config.inputSize) {
                const running = `running it at inputSize ${config.inputSize}`;
                onWarning(`Model ${modelPath} was exported at image size ${exported}; ${running}`);
            }
            const keep = resolveClassFilter(options.classFilter, classNames);
            return new Detector(session, io, config, modelPath, classNames, providers, keep);
        }
        catch (error) {
            await session.release();
            throw error;
        }
    }
    /** Frames per `run`: config.batchSize when the model's batch dimension is dynamic, else its fixed size. */
    get batchSize() {
        return this.io.batchSize;
    }
    /** Batches that can be detected at once (one per inference worker); `detect` calls beyond it wait their turn. */
    get concurrency() {
        return this.session.size;
    }
    async detect(frames) {
        if (this.released)
            throw new Error(`Detector for ${this.modelPath} was released`);
        const detections = [];
        let inferenceMs = 0;
        for (let start = 0; start < frames.length; start += this.batchSize) {
            const result = await this.detectBatch(frames.slice(start, start + this.batchSize));
            detections.push(...result.detections);
            inferenceMs += result.inferenceMs;
        }
        return { detections, inferenceMs };
    }
    async release() {
        if (this.released)
            return;
        this.released = true;
        await this.session.release();
    }
    async detectBatch(frames) {
        const size = this.config.inputSize;
        const slot = 3 * size * size;
        const batch = this.io.fixedBatch ? this.io.batchSize : frames.length;
        const data = this.inputBuffer(batch * slot);
        // Slots past the frames (a short batch padded to a fixed batch size) are zeros, as a fresh buffer's.
        data.fill(0, frames.length * slot);
        const geometries = await Promise.all(frames.map(async (frame, i) => (await letterbox(frame, size, { data, offset: i * slot })).geometry));
        let output;
        try {
            output = await this.session.run(this.io.inputName, data, [batch, 3, size, size], this.io.outputName, this.spareOutputs.pop());
        }
        catch (error) {
            throw new errors/* ModelError */.me(`Model ${this.modelPath}: inference failed: ${firstLine(error)}`, { cause: error });
        }
        const inferenceMs = output.runMs;
        // `data` itself was transferred to the worker (now empty); the worker hands the buffer back.
        if (output.input?.length === batch * slot && this.spareInputs.length < this.session.size)
            this.spareInputs.push(output.input);
        const perImage = this.decode(output, frames.length);
        // Candidates hold numbers, not views: the output buffer can be reused by the next run.
        if (this.spareOutputs.length < this.session.size)
            this.spareOutputs.push(output.data);
        const detections = frames.map((frame, i) => this.toDetections(perImage[i], geometries[i], frame));
        return { detections, inferenceMs };
    }
    /** A reused input buffer of `length` floats when one is spare (contents stale: every slot is rewritten), else a new one. */
    inputBuffer(length) {
        const index = this.spareInputs.findIndex((buffer) => buffer.length === length);
        return index >= 0 ? this.spareInputs.splice(index, 1)[0] : new Float32Array(length);
    }
    decode(output, frames) {
        if (output.type !== 'float32') {
            throw new errors/* ModelError */.me(`Model ${this.modelPath}: output "${this.io.outputName}" is not a float32 tensor`);
        }
        let perImage;
        try {
            perImage = decodeOutput(output.data, output.dims, {
                layout: this.config.layout,
                numClasses: this.classNames.length,
                confidence: this.config.confidence,
                classFilter: this.keep,
            });
        }
        catch (error) {
            throw new errors/* ModelError */.me(`Model ${this.modelPath}: ${firstLine(error)}`, { cause: error });
        }
        if (perImage.length < frames) {
            throw new errors/* ModelError */.me(`Model ${this.modelPath}: output has ${perImage.length} images for a batch of ${frames}`);
        }
        return perImage;
    }
    toDetections(candidates, geometry, frame) {
        // Drop boxes that are degenerate in the source (e.g. lying in the padding) before NMS, so they
        // neither suppress real boxes nor take places under maxDetections.
        const boxes = new Map();
        for (const candidate of candidates) {
            const box = boxToSource(candidate, geometry, frame.width, frame.height);
            if (box.width >= MIN_BOX_SIDE && box.height >= MIN_BOX_SIDE)
                boxes.set(candidate, box);
        }
        const kept = nms([...boxes.keys()], { iouThreshold: this.config.iou, maxDetections: this.config.maxDetections });
        return kept.map((candidate) => ({
            classIndex: candidate.classIndex,
            className: this.classNames[candidate.classIndex],
            score: candidate.score,
            box: boxes.get(candidate),
        }));
    }
}

;// CONCATENATED MODULE: ./src/domain/time-range.ts
function inRange(range, timestampMs) {
    if (range === null)
        return true;
    return timestampMs >= range.startMs && (range.endMs === null || timestampMs < range.endMs);
}
/** `hh:mm:ss.fff` of a time in ms, for messages and reports. */
function time_range_formatClock(ms) {
    const total = Math.max(0, Math.round(ms));
    const h = Math.floor(total / 3_600_000);
    const m = Math.floor((total % 3_600_000) / 60_000);
    const s = (total % 60_000) / 1000;
    const pad = (n) => String(n).padStart(2, '0');
    return `${pad(h)}:${pad(m)}:${s < 10 ? '0' : ''}${s.toFixed(3)}`;
}
/** Seconds of a video of `durationSeconds` that a run over `range` processes. */
function processedSeconds(durationSeconds, range) {
    if (range === null)
        return durationSeconds;
    const end = range.endMs === null ? durationSeconds : Math.min(durationSeconds, range.endMs / 1000);
    return Math.max(0, end - range.startMs / 1000);
}
function time_range_describeRange(range) {
    return `${time_range_formatClock(range.startMs)}–${range.endMs === null ? 'end' : time_range_formatClock(range.endMs)}`;
}

;// CONCATENATED MODULE: ./src/media/text-lines.ts
/** Splits a stream's text into lines (ffmpeg ends progress lines with \r). */
function onLines(stream, onLine) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
        const parts = (rest + chunk).split(/\r\n|\r|\n/);
        rest = parts.pop() ?? '';
        for (const line of parts)
            if (line !== '')
                onLine(line);
    });
    stream.on('end', () => {
        if (rest !== '')
            onLine(rest);
    });
}

;// CONCATENATED MODULE: ./src/media/tools.ts
/**
 * Finding ffmpeg and ffprobe (an option, PATH, or the optional npm packages) and reading their
 * versions; what every call of them shares: local files only (PROTOCOL_WHITELIST) and the stall
 * timeout.
 */








const run = (0,external_node_util_namespaceObject.promisify)(external_node_child_process_namespaceObject.execFile);
const tools_require = (0,external_node_module_namespaceObject.createRequire)(import.meta.url);
/**
 * Input media is untrusted: ffmpeg and ffprobe may open local files and pipes only, never a network
 * or other protocol a playlist or list inside the file refers to (an input option: before `-i`).
 */
const PROTOCOL_WHITELIST = ['-protocol_whitelist', 'file,pipe'];
function stallLimit(tools) {
    return tools.stallTimeout ?? { seconds: DEFAULT_STALL_TIMEOUT_SECONDS, name: run_options_cliName('stall-timeout') };
}
function isExecutable(file) {
    try {
        (0,external_node_fs_namespaceObject.accessSync)(file, external_node_fs_namespaceObject.constants.X_OK);
        return (0,external_node_fs_namespaceObject.statSync)(file).isFile();
    }
    catch {
        return false;
    }
}
function onPath(name) {
    for (const dir of (process.env.PATH ?? '').split((external_node_path_default()).delimiter)) {
        if (!dir)
            continue;
        const candidate = external_node_path_default().join(dir, name);
        if (isExecutable(candidate))
            return candidate;
    }
    return null;
}
/** The binary shipped in an optional npm package (`@ffmpeg-installer/ffmpeg`, `@ffprobe-installer/ffprobe`). */
function fromNpm(pkg) {
    try {
        const found = tools_require(pkg).path;
        return typeof found === 'string' && isExecutable(found) ? found : null;
    }
    catch {
        return null;
    }
}
async function versionOf(file, fix) {
    try {
        const { stdout } = await run(file, ['-hide_banner', '-version'], { timeout: 15000 });
        const line = stdout.split('\n')[0]?.trim() ?? '';
        return line.replace(/\s+Copyright.*$/, '');
    }
    catch (error) {
        throw new errors/* ToolError */.v4(`Cannot run ${file}: ${error.message.split('\n')[0]}; ${fix}`);
    }
}
/**
 * Finds ffmpeg and ffprobe: `override` (a file named ffmpeg with ffprobe beside it, or a directory
 * holding both), else PATH, else the npm packages. `overrideName` is how messages name the option
 * that gave `override` (`--ffmpeg-path`).
 */
async function resolveFfmpegTools(override, overrideName = cliName('ffmpeg-path')) {
    return withVersions(locateFfmpegTools(override, overrideName));
}
/** The finding half of `resolveFfmpegTools`, without running anything: probing can start before the versions are read. */
function locateFfmpegTools(override, overrideName = run_options_cliName('ffmpeg-path')) {
    let pair;
    if (override) {
        const resolved = external_node_path_default().resolve(override);
        let dir;
        let ffmpegFile;
        try {
            const isDir = (0,external_node_fs_namespaceObject.statSync)(resolved).isDirectory();
            dir = isDir ? resolved : external_node_path_default().dirname(resolved);
            ffmpegFile = isDir ? external_node_path_default().join(resolved, 'ffmpeg') : resolved;
        }
        catch {
            throw new errors/* ToolError */.v4(`${overrideName} ${resolved} does not exist; give the ffmpeg binary or the folder holding ffmpeg and ffprobe`);
        }
        const ffprobeFile = external_node_path_default().join(dir, 'ffprobe');
        pair = {
            ffmpeg: isExecutable(ffmpegFile) ? ffmpegFile : null,
            ffprobe: isExecutable(ffprobeFile) ? ffprobeFile : null,
            source: 'option',
        };
        if (!pair.ffmpeg || !pair.ffprobe) {
            throw new errors/* ToolError */.v4(`${overrideName} ${resolved}: expected executable ffmpeg and ffprobe in ${dir}; found ${pair.ffmpeg ? 'ffmpeg only' : pair.ffprobe ? 'ffprobe only' : 'neither'}`);
        }
    }
    else {
        const systemFfmpeg = onPath('ffmpeg');
        const systemFfprobe = onPath('ffprobe');
        pair = systemFfmpeg && systemFfprobe
            ? { ffmpeg: systemFfmpeg, ffprobe: systemFfprobe, source: 'path' }
            : { ffmpeg: fromNpm('@ffmpeg-installer/ffmpeg'), ffprobe: fromNpm('@ffprobe-installer/ffprobe'), source: 'npm' };
        if (!pair.ffmpeg || !pair.ffprobe) {
            throw new errors/* ToolError */.v4('ffmpeg and ffprobe were not found on PATH nor in the optional npm packages; install ffmpeg (e.g. `apt-get install ffmpeg`) so that both are on PATH');
        }
    }
    return { ffmpeg: pair.ffmpeg, ffprobe: pair.ffprobe, source: pair.source, fix: override ? `check ${overrideName}` : 'reinstall ffmpeg' };
}
/**
 * The tools with their versions (`-version`). ffmpeg's is read at once; ffprobe's is taken from
 * `ffprobeVersion` when it gives one (a probe's `-show_program_version`, which may still be running),
 * else read too.
 */
async function withVersions(paths, ffprobeVersion) {
    const readFfprobe = async () => (await ffprobeVersion?.catch(() => null)) ?? versionOf(paths.ffprobe, paths.fix);
    const [ffmpeg, ffprobe] = await Promise.all([versionOf(paths.ffmpeg, paths.fix), readFfprobe()]);
    return { ffmpeg: { path: paths.ffmpeg, version: ffmpeg }, ffprobe: { path: paths.ffprobe, version: ffprobe }, source: paths.source };
}

;// CONCATENATED MODULE: ./src/media/ffmpeg.ts
/**
 * The decoder: one ffmpeg process whose raw frames arrive on a stream, at a priority its user may
 * change while it runs, killed when it stops making progress (the stall timeout); and whether ffmpeg
 * can decode on the GPU here. The media is untrusted: local files only (PROTOCOL_WHITELIST).
 */






const ffmpeg_run = (0,external_node_util_namespaceObject.promisify)(external_node_child_process_namespaceObject.execFile);
/**
 * Sets a process's CPU priority: the lowest (nice 19) or normal (0). Raising it back to normal needs
 * the right to (root with CAP_SYS_NICE; a container's root usually lacks it): false when refused.
 * Decoding at a priority other than the one asked for is only slower.
 */
function setNice(pid, low) {
    if (pid === undefined)
        return false;
    try {
        external_node_os_default().setPriority(pid, low ? 19 : 0);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Kills a decoder that makes no progress (no frame bytes, no log line) for the stall timeout while
 * its output is being read. A reader that holds the pipe back (the detector is busy) is not a stall:
 * the clock only runs while the frames stream is below its buffer limit, i.e. waiting for ffmpeg.
 */
function stallWatchdog(tools, input, frames, kill) {
    const limit = stallLimit(tools);
    let last = Date.now();
    let error = null;
    const timer = setInterval(() => {
        if (frames.readableLength >= frames.readableHighWaterMark)
            last = Date.now();
        if (Date.now() - last < limit.seconds * 1000)
            return;
        error = new errors/* VideoInputError */._f(`Video ${input}: ffmpeg made no progress for ${limit.seconds} s (a stalled read or decoder) and was stopped; check the file is complete and local, or raise ${limit.name}`);
        clearInterval(timer);
        kill();
    }, Math.min(1000, limit.seconds * 250));
    timer.unref();
    return {
        progress: () => void (last = Date.now()),
        stalled: () => error,
        stop: () => clearInterval(timer),
    };
}
/**
 * Starts ffmpeg decoding `input` through `filter` to raw RGB on a pipe. Spawned directly rather than
 * through fluent-ffmpeg, which runs `ffmpeg -formats` and `ffmpeg -encoders` before a process's first
 * command to validate it (about 0.3 s before the first frame, for arguments that are fixed here).
 */
function startDecode(tools, request) {
    let killed = false;
    const seek = request.seekSeconds === undefined
        ? (request.copyts === true ? ['-copyts'] : [])
        : ['-noaccurate_seek', '-copyts', '-ss', request.seekSeconds.toFixed(3)];
    const hwaccel = request.hwaccel === undefined ? [] : ['-hwaccel', request.hwaccel];
    const skip = request.keyframesOnly === true ? ['-skip_frame', 'nokey'] : [];
    const args = [
        '-nostdin', '-hide_banner', ...hwaccel, ...skip, ...seek, ...PROTOCOL_WHITELIST, '-i', request.input,
        '-loglevel', 'level+info', '-an', '-sn', '-dn', '-vf', request.filter, '-vsync', 'passthrough', '-pix_fmt', 'rgb24',
        '-f', 'rawvideo', 'pipe:1',
    ];
    const child = (0,external_node_child_process_namespaceObject.spawn)(tools.ffmpeg.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    if (request.priority?.low !== false)
        setNice(pid, true);
    request.priority?.attach((low) => setNice(pid, low));
    const stderrTail = [];
    const watchdog = stallWatchdog(tools, request.input, child.stdout, () => {
        killed = true;
        child.kill('SIGKILL');
    });
    child.stdout.on('data', watchdog.progress);
    onLines(child.stderr, (line) => {
        watchdog.progress();
        stderrTail.push(line);
        if (stderrTail.length > 5)
            stderrTail.shift();
        request.onStderrLine(line);
    });
    const done = new Promise((resolve, reject) => {
        child.once('error', (error) => (killed && !watchdog.stalled() ? resolve() : reject(watchdog.stalled() ?? error)));
        child.once('close', (code, signal) => {
            watchdog.stop();
            const stall = watchdog.stalled();
            if (stall)
                reject(stall);
            else if (code === 0 || killed)
                resolve();
            else
                reject(new Error(`ffmpeg exited with ${signal ? `signal ${signal}` : `code ${code}`}: ${stderrTail.join(' | ')}`));
        });
    });
    return {
        frames: child.stdout,
        done,
        kill: () => {
            killed = true;
            child.kill('SIGKILL');
        },
    };
}
/**
 * Whether ffmpeg can decode `file` on the GPU here: decodes its first frame with `-hwaccel cuda`. An
 * ffmpeg built with CUDA still fails without a driver or device (it does not fall back by itself), so
 * this is tried at run time; the reason is returned when it fails.
 */
async function cudaDecodeWorks(tools, file) {
    const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-hwaccel', 'cuda', '-hwaccel_output_format', 'cuda', ...PROTOCOL_WHITELIST, '-i', file, '-frames:v', '1', '-f', 'null', '-'];
    try {
        await ffmpeg_run(tools.ffmpeg.path, args, { timeout: 30000 });
        return { works: true, reason: '' };
    }
    catch (error) {
        const stderr = String(error.stderr ?? '');
        const reason = stderr.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? error.message.split('\n')[0] ?? 'failed';
        return { works: false, reason: reason.replace(/^\[[^\]]+\]\s*/, '') };
    }
}

;// CONCATENATED MODULE: ./src/observe/history.ts
/**
 * runs.csv: one row per run appended to a file the user names, so trends across runs and sites can be
 * plotted. RFC 4180 (see csv.ts): CRLF records, quoting only where needed, a fixed column order. The
 * header is written only when the file is new or empty; an existing file whose first line is not this
 * header is refused, untouched, rather than mixing two layouts in one file.
 *
 * One writer at a time is assumed: the file is opened once in append mode ('a+') and the row (with the
 * header when the file was empty) goes out in one append, so a crash cannot leave half a header.
 */







/** Columns of runs.csv, in order. A change here makes existing files refuse new rows: on purpose. */
const HISTORY_COLUMNS = [
    'run_id',
    'finished_at',
    'site',
    'tool_version',
    'model',
    'model_sha256',
    'videos',
    'frames_decoded',
    'frames_sampled',
    'images',
    'detections',
    'drop_ratio',
    ...DROP_REASONS.map((reason) => `dropped_${reason}`),
    'wall_seconds',
    ...STAGES.map((stage) => `stage_${stage}_seconds`),
];
/** Bytes read to find the header line; a longer first line is a different file. */
const HEAD_BYTES = 64 * 1024;
function historyRow(metrics, manifest) {
    return [
        manifest.run.id,
        manifest.run.finishedAt,
        metrics.site,
        manifest.tool.version,
        manifest.config.model.name,
        manifest.model.sha256,
        metrics.videos.length,
        metrics.frames.decoded,
        metrics.frames.sampled,
        metrics.images,
        metrics.detections.total,
        metrics.frameDropRatio,
        ...DROP_REASONS.map((reason) => metrics.frames.droppedByReason[reason]),
        round(manifest.run.wallSeconds, 3),
        ...STAGES.map((stage) => round(metrics.timings.stages[stage].ms / 1000, 4)),
    ];
}
/** The header line as written, without its CRLF. */
const HEADER_LINE = csvRecord(HISTORY_COLUMNS).slice(0, -2);
function shorten(text, max = 200) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
function mismatch(file, found) {
    const expected = HEADER_LINE.split(',');
    const got = found.split(',');
    const at = expected.findIndex((name, i) => got[i] !== name);
    const column = at === -1 ? expected.length : at;
    const where = at === -1
        ? `it has ${got.length - expected.length} extra column(s) after "${expected[expected.length - 1] ?? ''}"`
        : `column ${column + 1} is ${got[column] === undefined ? 'missing' : JSON.stringify(shorten(got[column] ?? '', 60))} where "${expected[column] ?? ''}" was expected`;
    return new errors/* OutputError */.u7(`Refusing to append to the run history ${file}: its header is not the one dataset-gen writes (${where}). ` +
        `Expected ${JSON.stringify(shorten(HEADER_LINE, 400))}; found ${JSON.stringify(shorten(found))}. ` +
        'The file was left unchanged; name a new file or move this one aside.');
}
/** Reads the first line of an open file and throws when it is not the header. */
async function readAndCheck(handle, file) {
    const { size } = await handle.stat();
    if (size === 0)
        return { size, endsWithNewline: true };
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    let text = head.subarray(0, bytesRead).toString('utf8');
    if (text.startsWith('\uFEFF'))
        text = text.slice(1);
    const newline = text.indexOf('\n');
    if (newline === -1 && size > HEAD_BYTES)
        throw mismatch(file, text);
    const line = (newline === -1 ? text : text.slice(0, newline)).replace(/\r$/, '');
    if (line !== HEADER_LINE)
        throw mismatch(file, line);
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return { size, endsWithNewline: last[0] === 0x0a };
}
function ioError(file, error) {
    if (error instanceof errors/* OutputError */.u7)
        return error;
    return new errors/* OutputError */.u7(`Cannot append to the run history ${file}: ${(0,errors/* messageOf */.bD)(error)}`, { cause: error });
}
/**
 * Checks, without writing, that a row could be appended: the file is missing, empty, or starts with
 * the header. For a run's preflight, so a wrong file is refused before any work is done.
 */
async function checkRunHistory(file) {
    const absolute = external_node_path_default().resolve(file);
    let handle;
    try {
        handle = await (0,promises_namespaceObject.open)(absolute, 'r');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return;
        throw ioError(absolute, error);
    }
    try {
        await readAndCheck(handle, absolute);
    }
    catch (error) {
        throw ioError(absolute, error);
    }
    finally {
        await handle.close();
    }
}
/**
 * Appends the run's row, with the header first when the file is new or empty (its folder is created).
 * Throws OutputError naming the file when the header differs or the file cannot be written.
 */
async function appendRunHistory(file, metrics, manifest) {
    const absolute = external_node_path_default().resolve(file);
    const row = csvRecord(historyRow(metrics, manifest));
    let handle;
    try {
        await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(absolute), { recursive: true });
        handle = await (0,promises_namespaceObject.open)(absolute, 'a+');
        const state = await readAndCheck(handle, absolute);
        const wroteHeader = state.size === 0;
        // A file whose last line lost its line break (edited by hand) gets one, so the row starts a line.
        const text = (wroteHeader ? `${HEADER_LINE}\r\n` : state.endsWithNewline ? '' : '\r\n') + row;
        await handle.appendFile(text, 'utf8');
        return { file: absolute, wroteHeader };
    }
    catch (error) {
        throw ioError(absolute, error);
    }
    finally {
        await handle?.close();
    }
}

;// CONCATENATED MODULE: ./src/observe/recorder.ts
class RunRecorder {
    stageMs = { probe: 0, extract: 0, quality: 0, dedup: 0, detect: 0, write: 0 };
    /** Frame rows in sampling order; a kept frame's row is filled in when its detections arrive. */
    frameSlots = [];
    videos = [];
    kept = [];
    /** What each kept image looks like (by image file), for the labelling budget. */
    features = new Map();
    /** The exports written, in the order of EXPORT_FORMATS. */
    exports = [];
    /** The labelling budget's choice, when `--select` was given. */
    selection = null;
    /** The exports hold only the selected frames (`--select-only`). */
    exportsOnlySelected = false;
    startedAt = performance.now();
    finishedAt = null;
    /** Runs `work`, adding its wall time to `stage`. */
    async time(stage, work) {
        const start = performance.now();
        try {
            return await work();
        }
        finally {
            this.stageMs[stage] += performance.now() - start;
        }
    }
    addStageTime(stage, ms) {
        this.stageMs[stage] += ms;
    }
    recordVideo(video) {
        this.videos.push(video);
    }
    recordFrame(frame) {
        this.frameSlots.push(frame);
    }
    /**
     * Holds the next row's place in sampling order for a frame whose outcome is not complete yet (a
     * kept frame waiting for its detections); the returned function records it there.
     */
    reserveFrame() {
        const slot = this.frameSlots.length;
        this.frameSlots.push(undefined);
        return (frame) => {
            if (this.frameSlots[slot] !== undefined)
                throw new Error(`frame row ${slot} was recorded twice`);
            this.frameSlots[slot] = frame;
        };
    }
    /** The recorded frame rows, in sampling order (rows still reserved are left out). */
    get frames() {
        return this.frameSlots.filter((frame) => frame !== undefined);
    }
    recordKept(image) {
        this.kept.push(image);
    }
    recordFeatures(file, features) {
        this.features.set(file, features);
    }
    recordExport(record) {
        this.exports.push(record);
    }
    recordSelection(selection, exportsOnlySelected) {
        this.selection = selection;
        this.exportsOnlySelected = exportsOnlySelected;
    }
    finish() {
        this.finishedAt ??= performance.now();
    }
    get wallMs() {
        return (this.finishedAt ?? performance.now()) - this.startedAt;
    }
}

;// CONCATENATED MODULE: ./src/observe/stage-summary.ts
/**
 * The end-of-run log summary: one line per stage with what went in, what came out and the time spent,
 * as fields (`stage`, `unit`, `countIn`, `count`, `durationMs`, `share`) so JSON log lines can be
 * filtered and charted. Run id and site come from the logger's child fields.
 */

/** The stages in pipeline order, with counts derived from `metrics` (nothing is recounted). */
function stageSummaries(metrics) {
    const { frames } = metrics;
    const afterQuality = frames.sampled - frames.bad;
    const counts = {
        probe: { unit: 'videos', countIn: metrics.videos.length, count: metrics.videos.length },
        extract: { unit: 'frames', countIn: frames.decoded, count: frames.sampled },
        quality: { unit: 'frames', countIn: frames.sampled, count: afterQuality },
        dedup: { unit: 'frames', countIn: afterQuality, count: afterQuality - frames.duplicates },
        detect: { unit: 'frames', countIn: frames.kept, count: frames.kept, extra: { detections: metrics.detections.total } },
        write: { unit: 'images', countIn: frames.kept, count: metrics.images },
    };
    return STAGES.map((stage) => ({
        stage,
        ...counts[stage],
        durationMs: Math.round(metrics.timings.stages[stage].ms),
        share: metrics.timings.stages[stage].share,
    }));
}
/** Logs one info line per stage, e.g. `stage quality: 120 → 112 frames in 850 ms (12 %)`. */
function logStageSummary(logger, metrics) {
    for (const s of stageSummaries(metrics)) {
        logger.info(`stage ${s.stage}: ${s.countIn} → ${s.count} ${s.unit} in ${s.durationMs} ms (${Math.round(s.share * 100)} %)`, {
            stage: s.stage,
            unit: s.unit,
            countIn: s.countIn,
            count: s.count,
            durationMs: s.durationMs,
            share: s.share,
            ...s.extra,
        });
    }
}

;// CONCATENATED MODULE: ./src/pipeline/output-lock.ts
/**
 * One run at a time into an output folder: a lock file beside it (`.<out>.lock`, created with O_EXCL)
 * names the run holding it (pid, host, start time), and is never seen without that content. A second run is refused naming the first; a lock
 * left by a process that is gone (same host, pid not running) is taken over with a warning.
 */






function lockPathOf(outDir) {
    return external_node_path_default().join(external_node_path_default().dirname(outDir), `.${external_node_path_default().basename(outDir)}.lock`);
}
/** True while a process with this pid exists (EPERM: it exists, owned by another user). */
function processAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
function parseOwner(text) {
    try {
        const owner = JSON.parse(text);
        if (typeof owner.pid === 'number' && Number.isInteger(owner.pid) && owner.pid > 0 && typeof owner.host === 'string' && typeof owner.startedAt === 'string') {
            return { pid: owner.pid, host: owner.host, startedAt: owner.startedAt };
        }
    }
    catch {
        // not JSON: reported below
    }
    return null;
}
/**
 * Creates the lock file with its content in one step (written to a private file, then hard-linked to
 * the lock's name, which fails when the name exists), so the lock is never seen empty; false when it
 * exists already.
 */
async function tryCreate(file, owner, outDir, name) {
    const own = `${file}.${owner.pid}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`;
    try {
        await (0,promises_namespaceObject.writeFile)(own, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
        await (0,promises_namespaceObject.link)(own, file);
        return true;
    }
    catch (error) {
        const code = error.code;
        if (code === 'EEXIST')
            return false;
        if (code === 'ENOSPC')
            throw error;
        throw new errors/* OutputError */.u7(`Cannot create the lock file ${file} for ${outDir}: ${code ?? error.message}; check ${name('out')}`, { cause: error });
    }
    finally {
        await (0,promises_namespaceObject.rm)(own, { force: true });
    }
}
/** Takes the lock on `outDir` (whose parent folder must exist), or refuses naming the run that holds it. */
async function lockOutput(outDir, name = run_options_cliName, onWarning = () => undefined) {
    const file = lockPathOf(outDir);
    const owner = { pid: process.pid, host: external_node_os_default().hostname(), startedAt: new Date().toISOString() };
    const lock = {
        path: file,
        release: async () => {
            const held = parseOwner(await (0,promises_namespaceObject.readFile)(file, 'utf8').catch(() => ''));
            if (held?.pid === owner.pid && held.host === owner.host && held.startedAt === owner.startedAt)
                await (0,promises_namespaceObject.rm)(file, { force: true });
        },
    };
    if (await tryCreate(file, owner, outDir, name))
        return lock;
    const text = await (0,promises_namespaceObject.readFile)(file, 'utf8').catch(() => '');
    const other = parseOwner(text);
    if (other === null) {
        throw new errors/* OutputError */.u7(`Output ${outDir} is locked by ${file}, which does not say which run holds it; if no dataset-gen run is writing to ${outDir}, remove ${file}`);
    }
    if (other.host !== owner.host || processAlive(other.pid)) {
        throw new errors/* OutputError */.u7(`Output ${outDir} is in use by another dataset-gen run (pid ${other.pid} on ${other.host}, started ${other.startedAt}); wait for it to finish or choose another ${name('out')} (if that run is gone, remove ${file})`);
    }
    onWarning(`took over the lock ${file} of a run that is gone (pid ${other.pid} on ${other.host}, started ${other.startedAt})`);
    await (0,promises_namespaceObject.rm)(file, { force: true });
    if (await tryCreate(file, owner, outDir, name))
        return lock;
    throw new errors/* OutputError */.u7(`Output ${outDir} was locked by another dataset-gen run while this one took over a stale lock (${file}); wait for it to finish or choose another ${name('out')}`);
}

;// CONCATENATED MODULE: ./src/pipeline/checkpoint.ts
/**
 * The run's checkpoint, in its staging folder (`.checkpoint.jsonl`): a header with what produced the
 * run (the options that shape the dataset, the tool and ffmpeg versions, the model config, the
 * sha256 of the weights and the input videos' paths), then one line per finished video with
 * everything the run recorded for it (its video record with the video's sha256, frame rows, kept
 * images with their detections, the labelling features and its stage times); its JPEGs are already
 * in the staging folder. A video is hashed while it is decoded, so its sha256 is checked against the
 * file only for the videos a resume skips: an unfinished one is processed again from its start. Each line is
 * `<sha256 of the JSON> <JSON>` and is fsync'd when written, so a line torn by a kill is recognised and
 * ignored. `--resume` reads it back, refuses when the header differs from the new run's, and skips the
 * finished videos.
 */



const CHECKPOINT_FILE = '.checkpoint.jsonl';
function runIdentity(input) {
    const o = input.options;
    const { source: _source, ...modelConfig } = input.modelConfig;
    return {
        tool: input.tool,
        ffmpeg: input.ffmpeg,
        options: {
            site: o.site,
            sampling: o.sampling,
            decode: o.decode,
            timeRange: o.timeRange,
            dedupThreshold: o.dedupThreshold,
            dedupLocalThreshold: o.dedupLocalThreshold,
            confidence: o.confidence,
            iou: o.iou,
            maxDetections: o.maxDetections,
            classes: o.classes,
            quality: o.quality,
            jpegQuality: o.jpegQuality,
            executionProviders: o.executionProviders,
            exports: o.exports,
            labelStudioImages: o.labelStudioImages,
            select: o.select,
            selectOnly: o.selectOnly,
            strict: o.strict,
        },
        modelConfig,
        modelSha256: input.modelSha256,
        videos: input.videos.map(({ path: file, stem }) => ({ path: file, stem })),
    };
}
function encodeLine(line) {
    const json = JSON.stringify(line);
    return `${sha256Text(json)} ${json}\n`;
}
/** The line's content, or null when it is torn or altered. */
function decodeLine(text) {
    const space = text.indexOf(' ');
    if (space !== 64)
        return null;
    const json = text.slice(space + 1);
    if (sha256Text(json) !== text.slice(0, space))
        return null;
    return JSON.parse(json);
}
/** The checkpoint in `staging`, up to its first torn line; null when it has none or no valid header. */
async function readCheckpoint(staging) {
    const text = await (0,promises_namespaceObject.readFile)(external_node_path_default().join(staging, CHECKPOINT_FILE), 'utf8').catch(() => null);
    if (text === null)
        return null;
    const lines = text.split('\n');
    const header = decodeLine(lines[0] ?? '');
    if (header?.kind !== 'header' || header.version !== 2)
        return null;
    const finished = [];
    for (const raw of lines.slice(1)) {
        const line = decodeLine(raw);
        if (line?.kind !== 'video' || line.video.index !== finished.length)
            break;
        finished.push(line.video);
    }
    return { identity: header.identity, finished };
}
/** Appends lines to the checkpoint file, each written and fsync'd before `add` returns. */
class CheckpointWriter {
    file;
    finishedCount;
    constructor(file, finishedCount) {
        this.file = file;
        this.finishedCount = finishedCount;
    }
    /** Writes a new checkpoint (the header and the given finished videos) in place of any old one, atomically. */
    static async create(staging, checkpoint) {
        const file = external_node_path_default().join(staging, CHECKPOINT_FILE);
        const temp = `${file}.new`;
        const lines = [{ kind: 'header', version: 2, identity: checkpoint.identity }, ...checkpoint.finished.map((video) => ({ kind: 'video', video }))];
        const handle = await (0,promises_namespaceObject.open)(temp, 'w');
        try {
            await handle.writeFile(lines.map(encodeLine).join(''));
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0,promises_namespaceObject.rename)(temp, file);
        return new CheckpointWriter(file, checkpoint.finished.length);
    }
    /** Videos finished and checkpointed so far. */
    get finished() {
        return this.finishedCount;
    }
    async add(video) {
        const handle = await (0,promises_namespaceObject.open)(this.file, 'a');
        try {
            await handle.writeFile(encodeLine({ kind: 'video', video }));
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        this.finishedCount++;
    }
}
/** Where an option field of the identity comes from, for messages. */
const OPTION_KEYS = {
    site: ['site'],
    sampling: ['sample-fps', 'every-n-frames'],
    decode: ['decode'],
    timeRange: ['start', 'end'],
    dedupThreshold: ['dedup-threshold'],
    dedupLocalThreshold: ['dedup-local-threshold'],
    confidence: ['confidence'],
    iou: ['iou'],
    maxDetections: ['max-detections'],
    classes: ['classes'],
    'quality.blackLuma': ['black-luma'],
    'quality.overexposedLuma': ['overexposed-luma'],
    'quality.blurThreshold': ['blur-threshold'],
    'quality.blurRatio': ['blur-ratio'],
    'quality.blurWindow': ['blur-window'],
    jpegQuality: ['jpeg-quality'],
    executionProviders: ['execution-providers'],
    exports: ['export'],
    labelStudioImages: ['label-studio-images'],
    select: ['select'],
    selectOnly: ['select-only'],
    strict: ['strict'],
};
const checkpoint_show = (value) => JSON.stringify(value) ?? 'none';
/**
 * What differs between the interrupted run (`saved`) and this one, each in words naming the option or
 * input ("--sample-fps (was 1, now 2)", "video b.mp4 (its sha256 changed)"); empty when they match.
 */
function identityDifferences(saved, current, name) {
    const out = [];
    const savedOptions = saved.options;
    const currentOptions = current.options;
    for (const [field, keys] of Object.entries(OPTION_KEYS)) {
        const [group, sub] = field.split('.');
        const was = sub === undefined ? savedOptions[group] : savedOptions[group]?.[sub];
        const now = sub === undefined ? currentOptions[group] : currentOptions[group]?.[sub];
        if (checkpoint_show(was) !== checkpoint_show(now))
            out.push(`${keys.map(name).join(' / ')} (was ${checkpoint_show(was)}, now ${checkpoint_show(now)})`);
    }
    if (saved.videos.length !== current.videos.length || saved.videos.some((v, i) => v.path !== current.videos[i]?.path)) {
        const list = (videos) => videos.map((v) => external_node_path_default().basename(v.path)).join(', ');
        out.push(`${name('video')} (was ${list(saved.videos)}, now ${list(current.videos)})`);
    }
    if (saved.modelSha256 !== current.modelSha256)
        out.push(`the model weights (${name('model')}: sha256 ${saved.modelSha256.slice(0, 12)}… then, ${current.modelSha256.slice(0, 12)}… now)`);
    if (checkpoint_show(saved.modelConfig) !== checkpoint_show(current.modelConfig))
        out.push(`the model config (${name('model-config')}, or its overrides)`);
    if (saved.tool !== current.tool)
        out.push(`the dataset-gen version (${saved.tool} then, ${current.tool} now)`);
    if (saved.ffmpeg !== current.ffmpeg)
        out.push(`the ffmpeg version (${saved.ffmpeg} then, ${current.ffmpeg} now)`);
    return out;
}
/**
 * The finished videos whose file changed since the interrupted run processed them, in words ("video
 * b.mp4 (its content changed: …)"); `sha256Now(index)` hashes a video as it is now. Unfinished videos
 * are not checked: they are processed again, from whatever the file holds now.
 */
async function changedFinishedVideos(finished, identity, sha256Now) {
    const out = [];
    for (const video of finished) {
        const then = video.record.sha256;
        const now = await sha256Now(video.index);
        if (then !== now)
            out.push(`video ${identity.videos[video.index]?.path ?? video.index} (its content changed: sha256 ${then.slice(0, 12)}… then, ${now.slice(0, 12)}… now)`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/pipeline/run-staging.ts
/**
 * The run's staging folder, `.<out>.partial`, with its checkpoint: a new one, or, with `--resume`, the
 * one an interrupted run left, checked against this run's options and inputs and cleared of
 * everything but the checkpoint and the images of its finished videos. Without `--resume` a leftover
 * is reported and replaced.
 */






/** The finished videos whose images are all there, up to the first one missing an image. */
function withImages(finished, images) {
    const whole = [];
    for (const video of finished) {
        if (!video.kept.every((k) => images.has(k.file)))
            break;
        whole.push(video);
    }
    return whole;
}
/** Removes from `dir` everything but the checkpoint and the images in `keep`. */
async function clearExcept(dir, keep) {
    for (const entry of await (0,promises_namespaceObject.readdir)(dir)) {
        if (entry === CHECKPOINT_FILE || entry === DATASET_FILES.images)
            continue;
        await (0,promises_namespaceObject.rm)(external_node_path_default().join(dir, entry), { recursive: true, force: true });
    }
    const imagesDir = external_node_path_default().join(dir, DATASET_FILES.images);
    for (const image of await (0,promises_namespaceObject.readdir)(imagesDir).catch(() => [])) {
        if (!keep.has(image))
            await (0,promises_namespaceObject.rm)(external_node_path_default().join(imagesDir, image), { recursive: true, force: true });
    }
}
async function fresh(request, dir) {
    await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    await createStagingDir(request.outDir, request.subdirs, request.name, dir);
    return { dir, checkpoint: await CheckpointWriter.create(dir, { identity: request.identity, finished: [] }), finished: [] };
}
async function openRunStaging(request) {
    const { outDir, identity, name, logger } = request;
    const dir = stagingDirOf(outDir);
    const left = await (0,promises_namespaceObject.readdir)(dir).then(() => true, () => false);
    const total = identity.videos.length;
    if (!left) {
        if (request.resume)
            logger.info(`${name('resume')}: no interrupted run to continue in ${dir}; running from the start`);
        return fresh(request, dir);
    }
    const saved = await readCheckpoint(dir);
    if (!request.resume) {
        const done = saved === null ? '' : ` (${saved.finished.length} of ${saved.identity.videos.length} videos finished)`;
        logger.warn(`a previous interrupted run left ${dir}${done}; pass ${name('resume')} to continue it; replacing it with this run`);
        return fresh(request, dir);
    }
    if (saved === null) {
        logger.info(`${name('resume')}: ${dir} has no checkpoint (the interrupted run finished no video); running from the start`);
        return fresh(request, dir);
    }
    const differences = identityDifferences(saved.identity, identity, name);
    if (differences.length === 0)
        differences.push(...await changedFinishedVideos(saved.finished, identity, request.sha256Of));
    if (differences.length > 0) {
        throw new errors/* UsageError */.eb(`Cannot resume the interrupted run in ${dir}: ${differences.join('; ')} differ from that run's; pass the same options and inputs, or run without ${name('resume')} to start over`);
    }
    const images = new Set(await (0,promises_namespaceObject.readdir)(external_node_path_default().join(dir, DATASET_FILES.images)).catch(() => []));
    const finished = withImages(saved.finished, images);
    if (finished.length < saved.finished.length) {
        logger.warn(`${name('resume')}: images of video ${identity.videos[finished.length].stem} are missing from ${dir}; processing it again`);
    }
    await clearExcept(dir, new Set(finished.flatMap((v) => v.kept.map((k) => k.file))));
    for (const sub of request.subdirs)
        await (0,promises_namespaceObject.mkdir)(external_node_path_default().join(dir, sub), { recursive: true });
    const checkpoint = await CheckpointWriter.create(dir, { identity, finished });
    logger.info(`resuming the interrupted run in ${dir}: ${finished.length} of ${total} videos finished`);
    return { dir, checkpoint, finished };
}

;// CONCATENATED MODULE: ./src/media/ffprobe.ts
/**
 * ffprobe, spawned directly (fluent-ffmpeg, archived upstream, gives only its probe result's type:
 * its ffprobe could be given neither a time limit nor a kill): the probe of a video, the list of its
 * packets without decoding, or both in one call. The media is untrusted: local files only, and
 * ffprobe is killed when it gives no answer within the stall timeout.
 */





const ffprobe_run = (0,external_node_util_namespaceObject.promisify)(external_node_child_process_namespaceObject.execFile);
/**
 * Runs ffprobe on a file (streams and format, as JSON), restricted to local files; rejects with
 * ffprobe's own message (`ffprobe exited with code n` and its stderr), or with a VideoInputError
 * naming the file and the option when ffprobe gives no answer within the stall timeout (it is killed).
 */
async function probeFile(tools, file) {
    const limit = stallLimit(tools);
    const args = ['-v', 'error', ...PROTOCOL_WHITELIST, '-show_streams', '-show_format', '-of', 'json', file];
    let stdout;
    try {
        ({ stdout } = await ffprobe_run(tools.ffprobe.path, args, { timeout: limit.seconds * 1000, killSignal: 'SIGKILL', maxBuffer: 64 << 20 }));
    }
    catch (error) {
        const failed = error;
        if (failed.killed && failed.signal === 'SIGKILL')
            throw probeStalled(file, limit.seconds, limit.name);
        if (typeof failed.code !== 'number')
            throw error;
        throw new Error(`ffprobe exited with code ${failed.code}\n${String(failed.stderr ?? '')}`);
    }
    return probeDataOf(JSON.parse(stdout));
}
function probeStalled(file, seconds, option) {
    return new errors/* VideoInputError */._f(`Video ${file}: ffprobe gave no answer within ${seconds} s and was stopped; check the file is complete and local, or raise ${option}`);
}
/** ffprobe's JSON as ProbeData, a display matrix's rotation lifted onto its stream. */
function probeDataOf(data) {
    const streams = (data.streams ?? []).map((stream) => {
        // A display matrix's rotation sits in the stream's side data in JSON (flat in ffprobe's default output).
        const sideData = stream.side_data_list ?? [];
        const rotation = sideData.find((side) => side.rotation !== undefined)?.rotation;
        return rotation === undefined || stream.rotation !== undefined ? stream : { ...stream, rotation: rotation };
    });
    return { streams, format: data.format ?? {}, chapters: data.chapters ?? [] };
}
/**
 * The presentation times of the packets of the first video stream that is not a picture (as the
 * probe and scanPackets choose it), from the start of the file up to
 * `untilSeconds`, read by ffprobe without decoding (demuxing only: about 20 000 packets a second).
 */
async function listPacketTimes(tools, file, untilSeconds) {
    const args = [
        '-v', 'error', ...PROTOCOL_WHITELIST, '-select_streams', 'V:0', '-read_intervals', `%+${untilSeconds.toFixed(3)}`,
        '-show_entries', 'packet=pts,pts_time,flags', '-of', 'csv=p=0', file,
    ];
    let stdout;
    try {
        ({ stdout } = await ffprobe_run(tools.ffprobe.path, args, { maxBuffer: 1 << 30, timeout: stallLimit(tools).seconds * 1000, killSignal: 'SIGKILL' }));
    }
    catch (error) {
        throw new errors/* ToolError */.v4(`ffprobe could not list the packets of ${file}: ${error.message.split('\n')[0]}`);
    }
    const packets = [];
    for (const line of stdout.split('\n')) {
        const [pts, ptsTime, flags] = line.trim().split(',');
        if (pts === undefined || pts === '' || pts === 'N/A' || ptsTime === undefined)
            continue;
        packets.push({ pts: Number(pts), ptsTime: Number(ptsTime), discard: (flags ?? '').includes('D') });
    }
    return packets;
}
/** Packets gathered into typed arrays, doubling their capacity as they come. */
class PacketCollector {
    capacity = 4096;
    scan = { pts: new Float64Array(4096), ptsTime: new Float64Array(4096), flags: new Uint8Array(4096), count: 0 };
    /** One packet from ffprobe's text; one without a timestamp ("N/A" or absent) is skipped. */
    add(pts, ptsTime, flags = '') {
        if (pts === undefined || pts === '' || pts === 'N/A' || ptsTime === undefined || ptsTime === 'N/A')
            return;
        let { scan } = this;
        if (scan.count === this.capacity) {
            this.capacity *= 2;
            const grown = { pts: new Float64Array(this.capacity), ptsTime: new Float64Array(this.capacity), flags: new Uint8Array(this.capacity), count: scan.count };
            grown.pts.set(scan.pts);
            grown.ptsTime.set(scan.ptsTime);
            grown.flags.set(scan.flags);
            this.scan = scan = grown;
        }
        scan.pts[scan.count] = Number(pts);
        scan.ptsTime[scan.count] = Number(ptsTime);
        scan.flags[scan.count] = (flags.includes('K') ? 1 : 0) | (flags.includes('D') ? 2 : 0);
        scan.count += 1;
    }
}
/**
 * Runs ffprobe and hands each stdout line to `onLine`; resolves on exit code 0. It is killed when no
 * line arrives for the stall timeout, and rejects with `stalled()`'s error then; otherwise with
 * `failed(reason)`'s, the reason being ffprobe's first stderr lines or its exit code.
 */
function ffprobeLines(tools, args, onLine, errors) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(tools.ffprobe.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        const stderr = [];
        const limit = stallLimit(tools);
        let last = Date.now();
        let stalled = false;
        const timer = setInterval(() => {
            if (Date.now() - last < limit.seconds * 1000)
                return;
            stalled = true;
            child.kill('SIGKILL');
        }, Math.min(1000, limit.seconds * 250));
        timer.unref();
        onLines(child.stdout, (line) => {
            last = Date.now();
            onLine(line);
        });
        onLines(child.stderr, (line) => {
            if (stderr.length < 5)
                stderr.push(line);
        });
        child.once('error', (error) => {
            clearInterval(timer);
            reject(errors.failed(error.message, null));
        });
        child.once('close', (code) => {
            clearInterval(timer);
            if (stalled)
                reject(errors.stalled(limit.seconds, limit.name));
            else if (code === 0)
                resolve();
            else
                reject(errors.failed(stderr.join(' | ') || `exit code ${code}`, code));
        });
    });
}
/**
 * Lists the packets of the first video stream that is not a picture, over the whole file, without decoding (demuxing only; about
 * 0.35 s for 10 minutes at 25 fps), streamed line by line into typed arrays: 17 bytes a packet, so
 * a day of video at 25 fps holds 37 MB.
 */
async function scanPackets(tools, file) {
    const args = ['-v', 'error', ...PROTOCOL_WHITELIST, '-select_streams', 'V:0', '-show_entries', 'packet=pts,pts_time,flags', '-of', 'csv=p=0', file];
    const packets = new PacketCollector();
    const failed = (reason) => new errors/* ToolError */.v4(`ffprobe could not list the packets of ${file}: ${reason}`);
    await ffprobeLines(tools, args, (line) => {
        const [pts, ptsTime, flags] = line.trim().split(',');
        packets.add(pts, ptsTime, flags);
    }, { stalled: (seconds, option) => failed(`no packet listed for ${seconds} s (raise ${option})`), failed });
    return packets.scan;
}
/**
 * The first line of a packet in `-of json=compact=1`: `{ "pts": 0, "pts_time": "0.000000", "flags": "K_" },`.
 * A packet with side data (MPEG-TS) goes on over more lines, more deeply indented; a field ffprobe
 * has no value for is left out. Read by regular expressions: 5× faster than JSON.parse.
 */
const PACKET_START = /^\{ "pts": (-?\d+), "pts_time": "([^"]*)", "flags": "([^"]*)"/;
/** pts, pts_time and flags from a packet's first line (undefined for a field left out). */
function parsePacketLine(line) {
    const fast = PACKET_START.exec(line);
    if (fast)
        return [fast[1], fast[2], fast[3]];
    return [/"pts": (-?\d+)/.exec(line)?.[1], /"pts_time": "([^"]*)"/.exec(line)?.[1], /"flags": "([^"]*)"/.exec(line)?.[1]];
}
/**
 * Probes a file and lists its video packets in one ffprobe call (one start of ffprobe and one pass
 * over the file instead of two): streams and format as `probeFile` gives them, restricted to the
 * first video stream that is not a picture (`V:0`), and that stream's packets as `scanPackets` does.
 * ffprobe prints the packets first, one per line in compact JSON; they are parsed as they come and
 * left out of the rest, which is parsed as JSON at the end. Rejects as `probeFile` does.
 */
async function probeFileWithPackets(tools, file) {
    const args = [
        '-v', 'error', ...PROTOCOL_WHITELIST, '-select_streams', 'V:0', '-show_program_version', '-show_streams', '-show_format',
        '-show_entries', 'packet=pts,pts_time,flags', '-of', 'json=compact=1', file,
    ];
    const packets = new PacketCollector();
    const rest = [];
    // Inside the packets array, each packet starts with a "{" at the indent of the first one; deeper
    // lines are its side data. The packets are left out of `rest`, which stays valid JSON.
    let inPackets = false;
    let packetIndent = null;
    await ffprobeLines(tools, args, (line) => {
        const trimmed = line.trim();
        if (inPackets) {
            const indent = line.slice(0, line.length - line.trimStart().length);
            if (trimmed.startsWith('{') && (packetIndent === null || indent === packetIndent)) {
                packetIndent = indent;
                packets.add(...parsePacketLine(trimmed));
                return;
            }
            if (!/^\],?$/.test(trimmed) || (packetIndent !== null && indent.length >= packetIndent.length))
                return;
            inPackets = false;
        }
        else if (trimmed === '"packets": [') {
            inPackets = true;
        }
        rest.push(line);
    }, {
        stalled: (seconds, option) => probeStalled(file, seconds, option),
        failed: (reason, code) => (code === null ? new errors/* ToolError */.v4(`Cannot run ${tools.ffprobe.path}: ${reason}`) : new Error(`ffprobe exited with code ${code}\n${reason}`)),
    });
    const parsed = JSON.parse(rest.join('\n'));
    const version = parsed.program_version?.version;
    return { data: probeDataOf(parsed), packets: packets.scan, ffprobeVersion: version === undefined ? null : `ffprobe version ${version}` };
}

;// CONCATENATED MODULE: ./src/pipeline/probe.ts
/**
 * Stage 1: probe and validate an input video with ffprobe. Anything that is not a decodable video is
 * refused here, with one line naming the file and the reason.
 */





/** Containers ffprobe accepts that hold still images, not video. */
const IMAGE_FORMATS = /(^|,)(image2|[a-z0-9]+_pipe|gif|apng|webp)(,|$)/;
/** Playlists and lists that make ffmpeg open other files: a video input must be one file. */
const LIST_FORMATS = /(^|,)(hls|applehttp|concat|dash|imf)(,|$)/;
function parseRate(rate) {
    if (!rate)
        return 0;
    const [num, den] = rate.split('/').map(Number);
    if (num === undefined || !Number.isFinite(num))
        return 0;
    const value = den === undefined ? num : den === 0 ? 0 : num / den;
    return Number.isFinite(value) && value > 0 ? value : 0;
}
function finiteNumber(value) {
    const n = typeof value === 'string' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? n : null;
}
/** Rotation 0/90/180/270 from the display matrix (ffprobe 5+) or the legacy `rotate` tag (older ffprobe). */
function rotationOf(stream) {
    const tags = (stream.tags ?? {});
    const raw = finiteNumber(stream.rotation) ?? finiteNumber(tags.rotate) ?? 0;
    const normalised = ((Math.round(raw / 90) * 90) % 360 + 360) % 360;
    return normalised;
}
function reasonFromProbeError(error) {
    const message = error instanceof Error ? error.message : String(error);
    const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
    const last = lines.filter((line) => !/^ffprobe exited with code/.test(line)).at(-1) ?? lines[0] ?? 'unknown error';
    const protocol = /Protocol '([^']+)' not on whitelist/.exec(message)?.[1];
    if (protocol !== undefined)
        return `it refers to a "${protocol}" resource, and only local files are read (a playlist or list is not a video)`;
    if (/moov atom not found/i.test(message))
        return 'the file looks truncated or incomplete (moov atom not found)';
    if (/Invalid data found when processing input/i.test(message))
        return 'ffprobe found no known container format in it';
    return `ffprobe failed: ${last.replace(/^.*?:\s*/, '')}`;
}
async function checkFile(file, name) {
    let info;
    try {
        info = await (0,promises_namespaceObject.stat)(file);
    }
    catch {
        throw new errors/* VideoInputError */._f(`Video ${file} does not exist; check the ${name('video')} path`);
    }
    if (info.isDirectory())
        throw new errors/* VideoInputError */._f(`Video ${file} is a directory; pass a video file (or a glob in the Action)`);
    if (!info.isFile())
        throw new errors/* VideoInputError */._f(`Video ${file} is not a regular file`);
    if (info.size === 0)
        throw new errors/* VideoInputError */._f(`Video ${file} is empty (0 bytes); re-copy or re-export it`);
    return info.size;
}
function videoInfoFromProbe(file, index, sizeBytes, data) {
    const formatName = data.format.format_name ?? '';
    const stream = data.streams.find((s) => s.codec_type === 'video' && !(s.disposition?.attached_pic));
    if (!stream) {
        const kinds = [...new Set(data.streams.map((s) => s.codec_type ?? 'unknown'))].join(', ') || 'no streams';
        throw new errors/* VideoInputError */._f(`Video ${file} has no video stream (found: ${kinds}); pass a file with video in it`);
    }
    if (LIST_FORMATS.test(formatName)) {
        throw new errors/* VideoInputError */._f(`Video ${file} is a playlist or list of other files (${formatName}), not a video; pass the video files themselves`);
    }
    if (IMAGE_FORMATS.test(formatName)) {
        throw new errors/* VideoInputError */._f(`Video ${file} is a still image (${formatName}), not a video`);
    }
    const codedWidth = finiteNumber(stream.width) ?? 0;
    const codedHeight = finiteNumber(stream.height) ?? 0;
    if (codedWidth <= 0 || codedHeight <= 0) {
        throw new errors/* VideoInputError */._f(`Video ${file}: the video stream has no frame size (${stream.codec_name ?? 'unknown codec'}); it cannot be decoded`);
    }
    const fps = parseRate(stream.avg_frame_rate) || parseRate(stream.r_frame_rate);
    if (fps <= 0)
        throw new errors/* VideoInputError */._f(`Video ${file}: the video stream has no frame rate; it cannot be sampled`);
    const duration = finiteNumber(stream.duration) ?? finiteNumber(data.format.duration) ?? 0;
    if (duration <= 0)
        throw new errors/* VideoInputError */._f(`Video ${file}: the video stream has no duration; it may be truncated`);
    const rotation = rotationOf(stream);
    const swap = rotation === 90 || rotation === 270;
    const nbFrames = finiteNumber(stream.nb_frames);
    return {
        path: file,
        stem: external_node_path_default().basename(file, external_node_path_default().extname(file)),
        index,
        container: formatName,
        codec: stream.codec_name ?? 'unknown',
        durationSeconds: duration,
        fps,
        width: swap ? codedHeight : codedWidth,
        height: swap ? codedWidth : codedHeight,
        rotation,
        frameCount: nbFrames && nbFrames > 0 ? nbFrames : Math.round(duration * fps),
        frameCountExact: Boolean(nbFrames && nbFrames > 0),
        sizeBytes,
    };
}
/** A probe's failure as the user should read it: a tool that does not run, or a file that is not a video. */
function probeError(file, error) {
    if (error instanceof errors/* VideoInputError */._f || error instanceof errors/* ToolError */.v4)
        return error;
    return new errors/* VideoInputError */._f(`Video ${file} is not a decodable video: ${reasonFromProbeError(error)}`);
}
/** Probes and validates one input video. */
async function probeVideo(tools, file, index, name = run_options_cliName) {
    const absolute = external_node_path_default().resolve(file);
    const sizeBytes = await checkFile(absolute, name);
    let data;
    try {
        data = await probeFile(tools, absolute);
    }
    catch (error) {
        throw probeError(absolute, error);
    }
    return videoInfoFromProbe(absolute, index, sizeBytes, data);
}
/**
 * `probeVideo` and `scanPackets` in one ffprobe call (probeFileWithPackets). It sees only the first
 * video stream that is not a picture: a file without one is probed again in full, so that the refusal
 * names what the file holds.
 */
async function probeVideoWithPackets(tools, file, index, name = run_options_cliName) {
    const absolute = external_node_path_default().resolve(file);
    const sizeBytes = await checkFile(absolute, name);
    let probed;
    try {
        probed = await probeFileWithPackets(tools, absolute);
    }
    catch (error) {
        throw probeError(absolute, error);
    }
    if (probed.data.streams.length === 0) {
        const info = await probeVideo(tools, absolute, index, name);
        return { info, packets: await scanPackets(tools, absolute), ffprobeVersion: null };
    }
    return { info: videoInfoFromProbe(absolute, index, sizeBytes, probed.data), packets: probed.packets, ffprobeVersion: probed.ffprobeVersion };
}

;// CONCATENATED MODULE: ./src/pipeline/analysis.ts
/**
 * The analysis image: each sampled frame is resized once (sharp, linear) to fit 640 x 640. Quality
 * and dedup measure it, and the detector letterboxes from it when the model's input is 640, so the
 * frame is resized once instead of three times. Frames that already fit are used as they are.
 */

/** Longer side of the analysis image; the blur threshold is calibrated at this size (docs/thresholds.md). */
const ANALYSIS_SIZE = 640;
async function fitForAnalysis(frame) {
    if (Math.max(frame.width, frame.height) <= ANALYSIS_SIZE)
        return frame;
    return resizeToFit(frame, letterboxGeometry(frame.width, frame.height, ANALYSIS_SIZE));
}

;// CONCATENATED MODULE: ./src/pipeline/sampling.ts
/**
 * The select filter for a sampling. For a rate, the first frame of every 1/fps slot of the time grid
 * is kept, so the rate does not drift however the source's frame times fall; for every-n-frames,
 * frames 0, n, 2n, … are kept.
 *
 * The grid starts at time 0 of the decode's timestamps; with `firstPts` (the video's first frame's
 * pts, in the stream's time base, for a decode that keeps the file's own timestamps: `-copyts`) it
 * starts at that frame, computed from integer pts so that no rounding moves a slot's edge.
 */
function selectFilter(sampling, firstPts = 0) {
    if (sampling.mode === 'every-n-frames')
        return `select='not(mod(n,${sampling.n}))'`;
    const f = sampling.fps;
    if (firstPts === 0)
        return `select='isnan(prev_selected_t)+gte(floor(t*${f}+1e-6)-floor(prev_selected_t*${f}+1e-6),1)'`;
    const slot = (pts) => `floor((${pts}-${firstPts})*TB*${f}+1e-6)`;
    return `select='isnan(prev_selected_pts)+gte(${slot('pts')}-${slot('prev_selected_pts')},1)'`;
}

;// CONCATENATED MODULE: ./src/pipeline/extract.ts




const SHOWINFO = /\[Parsed_showinfo_(\d+) @ [^\]]+\] (?:\[info\] )?n:\s*(\d+) pts:\s*(-?\d+) pts_time:(\S+).*? s:(\d+x\d+)(?:.*? iskey:(\d))?/;
const LOG_SOURCE = /^\[([^\s@\]]+) @ [^\]]+\] \[(error|fatal|panic)\]/;
const extract_PARTIAL = /partial file|Invalid NAL unit size|Packet corrupt|truncat/i;
/** Errors about metadata riding in the stream (SEI messages: camera timestamps, encoder settings), which leave the picture whole: not counted. */
const METADATA_ONLY = /\bSEI\b/;
/** Errors about a packet that yields no frame at all (unreadable, or missing what it refers to), as opposed to a frame decoded with damage. */
const NO_FRAME = /no frame!|decode_slice_header error|non-existing [PS]PS|missing picture|Error splitting the input into NAL units|Invalid NAL unit size/i;
/**
 * Parses ffmpeg's stderr lines into per-frame info and error counts. With a `window`, only frames
 * inside it count as decoded (a range's decode also reads frames before and after it).
 *
 * A decoder error marks the next decoded frame corrupt, and every frame after it up to the next
 * keyframe: the decoder conceals what it could not read, and later frames predicted from the damaged
 * one carry the smear until a keyframe starts afresh. An error about a packet that yields no frame
 * (unreadable, or missing its parameter sets) marks the frames after it up to the next keyframe, but
 * not that keyframe: a stream cut mid-GOP, or a lost packet right before a keyframe, leaves the
 * keyframe whole.
 */
class DecodeLog {
    origin;
    window;
    stats = { framesDecoded: 0, decodeErrors: 0, truncated: false, lastTimestampMs: 0 };
    errors = [];
    selected = [];
    lastDecoded = null;
    firstPtsTime = null;
    corruptPending = false;
    /** A decoder error was seen since the last keyframe: the frames decoded now are predicted from damaged ones. */
    damaged = false;
    wake = null;
    indexOffset = null;
    constructor(origin = null, window = null) {
        this.origin = origin;
        this.window = window;
        if (origin)
            this.firstPtsTime = origin.firstPtsTime;
    }
    line(text) {
        const info = SHOWINFO.exec(text);
        if (info) {
            this.frameLine(info);
        }
        else {
            this.errorLine(text);
        }
        this.wake?.();
    }
    frameLine(match) {
        const [, instance, n, pts, ptsTime, size, key] = match;
        if (instance !== '0') {
            // The selected frames' showinfo: the frame just decoded passed the select filter.
            if (this.lastDecoded && this.lastDecoded.pts === Number(pts))
                this.selected.push({ ...this.lastDecoded, size: size ?? '' });
            return;
        }
        // An ffmpeg whose showinfo does not say `iskey` marks only the frame after the error.
        if (this.corruptPending)
            this.damaged = true;
        else if (key === '1' || key === undefined)
            this.damaged = false;
        this.corruptPending = false;
        const frame = {
            frameIndex: this.indexOf(Number(n), Number(pts)),
            pts: Number(pts),
            ptsTime: Number(ptsTime),
            corrupt: this.damaged,
            size: size ?? '',
        };
        this.firstPtsTime ??= frame.ptsTime;
        this.stats.lastTimestampMs = this.timestampMs(frame.ptsTime);
        if (inRange(this.window, this.stats.lastTimestampMs))
            this.stats.framesDecoded += 1;
        this.lastDecoded = frame;
    }
    /** The frame's index in the whole video: placed by its pts when the origin knows every frame, else counted. */
    indexOf(n, pts) {
        if (this.origin?.everyFrame === true)
            return this.origin.framesBefore(pts);
        this.indexOffset ??= this.origin ? this.origin.framesBefore(pts) : 0;
        return n + this.indexOffset;
    }
    errorLine(text) {
        const match = LOG_SOURCE.exec(text);
        if (!match)
            return;
        const source = match[1] ?? '';
        if (this.errors.length < 20)
            this.errors.push(text.replace(/^\[[^\]]+\] \[\w+\]\s*/, '').trim());
        if (extract_PARTIAL.test(text) && /^(mov|matroska|avi|flv|mpegts|mpeg)/.test(source)) {
            this.stats.truncated = true;
        }
        else if (!source.startsWith('Parsed_') && !METADATA_ONLY.test(text)) {
            this.stats.decodeErrors += 1;
            // A lost packet smears the frames predicted from it, not the next keyframe (which needs
            // nothing before it); an error inside a frame marks the next frame out, keyframe or not.
            if (NO_FRAME.test(text))
                this.damaged = true;
            else
                this.corruptPending = true;
        }
    }
    timestampMs(ptsTime) {
        return Math.round((ptsTime - (this.firstPtsTime ?? 0)) * 1000);
    }
    /** The info line of the next selected frame, waiting for stderr to catch up when needed. */
    async nextSelected(exited) {
        while (this.selected.length === 0) {
            if (exited())
                return null;
            await new Promise((resolve) => {
                this.wake = resolve;
                setTimeout(resolve, 50);
            });
            this.wake = null;
        }
        return this.selected.shift() ?? null;
    }
}
/**
 * Why a whole-video decode counts as truncated, or null: the demuxer reported a partial file, or the
 * last decoded frame is well short of the container's duration. Frame counts are not a measure:
 * containers with empty or repeated chunks declare more frames than they store, and are valid. A
 * range (`window`) ends early by design and is not judged.
 */
function truncation(video, stats, window) {
    if (stats.truncated)
        return 'ffmpeg: partial file';
    if (window !== null || stats.framesDecoded === 0)
        return null;
    const toleranceMs = Math.max(1000, (3 * 1000) / Math.max(video.fps, 1));
    return stats.lastTimestampMs < video.durationSeconds * 1000 - toleranceMs ? 'the last frames do not decode' : null;
}
/** The refusal of a truncated video (`--strict`). */
function truncatedError(video, stats, reason) {
    const seconds = (stats.lastTimestampMs / 1000).toFixed(1);
    return new errors/* VideoInputError */._f(`Video ${video.path} is truncated: decoding stopped at ${seconds} s of ${video.durationSeconds.toFixed(1)} s (${reason}); re-copy or re-export the file`);
}
/**
 * Runs one ffmpeg decode of `video` (the request's filter must end in the selected frames' showinfo)
 * and yields each frame on the pipe with its info. A decode that fails throws VideoInputError at the
 * end; ffmpeg is killed when the caller stops early.
 */
async function* decodeRaw(tools, video, request, log) {
    const frameBytes = video.width * video.height * 3;
    const decoder = startDecode(tools, { ...request, input: video.path, onStderrLine: (line) => log.line(line) });
    let exited = false;
    let failure = null;
    const finished = decoder.done.then(() => void (exited = true), (error) => {
        exited = true;
        failure = error;
    });
    let buffer = Buffer.allocUnsafe(frameBytes);
    let filled = 0;
    try {
        for await (const chunk of decoder.frames) {
            let offset = 0;
            while (offset < chunk.length) {
                const n = Math.min(frameBytes - filled, chunk.length - offset);
                chunk.copy(buffer, filled, offset, offset + n);
                filled += n;
                offset += n;
                if (filled < frameBytes)
                    continue;
                const info = await log.nextSelected(() => exited);
                if (!info)
                    throw new errors/* VideoInputError */._f(`Video ${video.path}: ffmpeg sent a frame it did not report; cannot place it in time`);
                if (info.size !== `${video.width}x${video.height}`) {
                    throw new errors/* VideoInputError */._f(`Video ${video.path}: frame ${info.frameIndex} decodes at ${info.size}, not the probed ${video.width}x${video.height}; frame size changes mid-stream are not supported`);
                }
                yield { info, rgb: buffer };
                buffer = Buffer.allocUnsafe(frameBytes);
                filled = 0;
            }
        }
        await finished;
    }
    finally {
        if (!exited)
            decoder.kill();
    }
    if (failure !== null) {
        if (failure instanceof errors/* VideoInputError */._f)
            throw failure; // stalled: the message names the option
        const reason = log.errors.at(-1) ?? failure.message.split('\n')[0];
        throw new errors/* VideoInputError */._f(`Video ${video.path} could not be decoded: ${reason}`);
    }
}
/**
 * Decodes `video` and yields its sampled frames in order. When the generator finishes, `stats` holds
 * the decode totals (see `truncation` for a file that ends early); an undecodable file throws
 * VideoInputError at the end.
 */
async function* extractFrames(tools, video, sampling, log = new DecodeLog(), seekSeconds, hwaccel, priority, 
/**
 * The video's first frame's pts, when the decode is placed on its packet list (`originFromTimeline`):
 * the file's own timestamps are kept (`-copyts`), as the list has them, and the sampling grid
 * starts at that frame.
 */
firstPts) {
    const request = {
        priority,
        // showinfo's per-plane checksums cost ffmpeg ~40 % more CPU over the whole decode; only the
        // frame numbers and times are read.
        filter: `showinfo=checksum=0,${selectFilter(sampling, firstPts)},showinfo=checksum=0`,
        seekSeconds,
        hwaccel,
        copyts: firstPts !== undefined,
    };
    for await (const { info, rgb } of decodeRaw(tools, video, request, log)) {
        yield {
            video,
            frameIndex: info.frameIndex,
            timestampMs: log.timestampMs(info.ptsTime),
            width: video.width,
            height: video.height,
            rgb,
            corrupt: info.corrupt,
            decode: 'sequential',
        };
    }
    const stats = log.stats;
    if (stats.framesDecoded === 0)
        throw new errors/* VideoInputError */._f(`Video ${video.path}: ffmpeg decoded no frames`);
    return stats;
}

;// CONCATENATED MODULE: ./src/pipeline/keyframe-choice.ts
/**
 * Which frames a keyframe-aware decode takes (`--decode keyframes`), and when `auto` chooses it. Pure
 * functions over a video's frame times and keyframe positions, read from ffprobe's packet list
 * (media/ffprobe.ts `scanPackets`, no decoding).
 *
 * A sampling slot is the time a sample stands for: k / sample-fps for a rate, the time of frame k·n
 * for every-n-frames. Each slot, in order, takes the keyframe nearest its time (the earlier one on a
 * tie) among those after the frame the previous slot took, when it lies within the tolerance (half the
 * sampling interval). A slot with no keyframe that close is decoded exactly: the first frame at or
 * after its time, as a decode of every frame would sample it; when that frame lies in the next slot
 * (a gap in a variable-rate video), the slot samples nothing, as in a decode of every frame.
 */
/** Frames per keyframe below which decoding only keyframes skips too little to be worth it. */
const MIN_FRAMES_PER_KEYFRAME = 4;
/** The slot tolerance as a share of the sampling interval. */
const TOLERANCE_SHARE = 0.5;
/** The first index from `from` in ascending `values` whose value is >= `x` (values.length when none): how many are below `x`. */
function lowerBound(values, x, from = 0) {
    let low = from;
    let high = values.length;
    while (low < high) {
        const mid = (low + high) >> 1;
        if (values[mid] < x)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}
/**
 * Chooses the frame for every slot. `frameMs`: every frame's time, ascending; `keyframes`: indices
 * into `frameMs` of the keyframes, ascending; `slotsMs`: ascending slot times.
 */
function chooseTargets(slotsMs, frameMs, keyframes, toleranceMs) {
    const keyMs = keyframes.map((i) => frameMs[i]);
    const targets = [];
    let last = -1;
    for (const [s, slotMs] of slotsMs.entries()) {
        // Keyframes after the last frame taken.
        const firstFree = lowerBound(keyframes, last + 1);
        const after = lowerBound(keyMs, slotMs, firstFree);
        const before = after - 1 >= firstFree ? after - 1 : -1;
        const candidates = [before, after].filter((k) => k >= 0 && k < keyMs.length);
        let best = -1;
        for (const k of candidates) {
            if (best === -1 || Math.abs(keyMs[k] - slotMs) < Math.abs(keyMs[best] - slotMs))
                best = k;
        }
        if (best !== -1 && Math.abs(keyMs[best] - slotMs) <= toleranceMs) {
            last = keyframes[best];
            targets.push({ slotMs, frame: last, kind: 'keyframe' });
            continue;
        }
        // Times come from seconds in decimal; a microsecond of slack keeps a frame on its slot's start.
        const frame = lowerBound(frameMs, slotMs - 1e-3, last + 1);
        const nextSlot = slotsMs[s + 1];
        if (frame >= frameMs.length || (nextSlot !== undefined && frameMs[frame] >= nextSlot - 1e-3))
            continue;
        last = frame;
        targets.push({ slotMs, frame, kind: 'exact' });
    }
    return targets;
}
/** The sampling interval in ms. */
function intervalMs(sampling, fps) {
    return sampling.mode === 'fps' ? 1000 / sampling.fps : (sampling.n * 1000) / fps;
}
/** The slot times of a sampling over frames at `frameMs` (ascending, from 0). */
function slotTimes(sampling, frameMs) {
    const slots = [];
    if (sampling.mode === 'every-n-frames') {
        for (let i = 0; i < frameMs.length; i += sampling.n)
            slots.push(frameMs[i]);
        return slots;
    }
    const lastMs = frameMs.at(-1);
    if (lastMs === undefined)
        return slots;
    for (let k = 0;; k += 1) {
        const slotMs = (k * 1000) / sampling.fps;
        if (slotMs > lastMs + 1e-6)
            return slots;
        slots.push(slotMs);
    }
}
/**
 * `--decode auto`: decode only keyframes when (1) every slot has a keyframe within the tolerance —
 * the longest gap between keyframes, counting the stretch before the first and after the last, is at
 * most the sampling interval — and (2) there is something to skip: at least MIN_FRAMES_PER_KEYFRAME
 * frames per keyframe. Otherwise decode every frame.
 */
function chooseDecodeMode(interval, frameMs, keyframes) {
    const keyMs = keyframes.map((i) => frameMs[i]);
    if (keyMs.length === 0 || frameMs.length === 0)
        return { mode: 'all', reason: 'no keyframe listed', longestGapMs: null };
    let longest = Math.max(keyMs[0] - frameMs[0], frameMs.at(-1) - keyMs.at(-1));
    for (let i = 1; i < keyMs.length; i += 1)
        longest = Math.max(longest, keyMs[i] - keyMs[i - 1]);
    const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
    if (longest > interval) {
        return { mode: 'all', reason: `keyframes up to ${seconds(longest)} apart, longer than the sampling interval ${seconds(interval)}`, longestGapMs: longest };
    }
    const perKeyframe = frameMs.length / keyMs.length;
    if (perKeyframe < MIN_FRAMES_PER_KEYFRAME) {
        return { mode: 'all', reason: `a keyframe every ${perKeyframe.toFixed(1)} frames leaves too little to skip`, longestGapMs: longest };
    }
    return { mode: 'keyframes', reason: `keyframes at most ${seconds(longest)} apart, within the sampling interval ${seconds(interval)}`, longestGapMs: longest };
}
/**
 * An ffmpeg `select` expression keeping exactly the frames with these pts (ascending integers, in
 * the stream's time base): arithmetic runs of three or more become one `between`·`mod` term, the
 * rest one `eq` each, so a regular camera's choice stays a few terms however long the video.
 */
function ptsSelectExpression(pts) {
    const terms = [];
    let i = 0;
    while (i < pts.length) {
        const start = pts[i];
        const step = i + 1 < pts.length ? pts[i + 1] - start : 0;
        let end = i;
        while (step > 0 && end + 1 < pts.length && pts[end + 1] - pts[end] === step)
            end += 1;
        if (end - i >= 2) {
            terms.push(`between(pts,${start},${pts[end]})*not(mod(pts-${start},${step}))`);
            i = end + 1;
        }
        else {
            terms.push(`eq(pts,${start})`);
            i += 1;
        }
    }
    return terms.length === 0 ? '0' : terms.join('+');
}

;// CONCATENATED MODULE: ./src/pipeline/frame-timeline.ts


/** Sorts the scanned packets into presentation order, leaving out those never shown (flag D). */
function timelineFromPackets(video, scan) {
    const order = [];
    for (let i = 0; i < scan.count; i += 1) {
        if ((scan.flags[i] & 2) === 0 && Number.isFinite(scan.pts[i]))
            order.push(i);
    }
    order.sort((a, b) => scan.pts[a] - scan.pts[b]);
    const first = order[0];
    if (first === undefined)
        throw new errors/* VideoInputError */._f(`Video ${video.path}: ffprobe listed no video packets; its keyframes cannot be found`);
    const firstPtsTime = scan.ptsTime[first];
    const pts = new Float64Array(order.length);
    const ms = new Array(order.length);
    const keyframes = [];
    for (const [i, packet] of order.entries()) {
        pts[i] = scan.pts[packet];
        ms[i] = (scan.ptsTime[packet] - firstPtsTime) * 1000;
        if ((scan.flags[packet] & 1) === 1)
            keyframes.push(i);
    }
    return { pts, ms, keyframes, firstPtsTime };
}
/** The index of the frame with this pts, or -1. */
function frameAt(timeline, pts) {
    const index = lowerBound(timeline.pts, pts);
    return timeline.pts[index] === pts ? index : -1;
}
/**
 * A decode of every frame placed on the timeline: each decoded frame's index is its place among the
 * listed frames, so frames the decoder loses (damaged data) do not shift those after them. The decode
 * must keep the file's own timestamps (`-copyts`), as the packet list has them. Holds only the pts (8
 * bytes a frame).
 */
function originFromTimeline(timeline) {
    const { pts, firstPtsTime } = timeline;
    return { firstPtsTime, firstPts: pts[0] ?? 0, framesBefore: (value) => lowerBound(pts, value), everyFrame: true };
}

;// CONCATENATED MODULE: ./src/pipeline/extract-planned.ts




/** The index of the keyframe at or before `frame` in the timeline (0 when none: decoding starts there). */
function keyframeBefore(timeline, frame) {
    const { keyframes } = timeline;
    // Frame indices are integers: the keyframes at or before `frame` are those below frame + 1.
    const atOrBefore = lowerBound(keyframes, frame + 1);
    return atOrBefore === 0 ? 0 : keyframes[atOrBefore - 1];
}
/**
 * Most targets one decode selects: its `select` expression stays well under the 128 KiB a single
 * argument may hold even when no two targets are evenly spaced (about 30 characters each).
 */
const MAX_GROUP_TARGETS = 1000;
/** Targets grouped into decodes: runs of keyframes; runs of exact frames after the same keyframe. */
function groupTargets(timeline, targets) {
    const groups = [];
    let lastKey = -1;
    for (const target of targets) {
        const current = groups.at(-1);
        const key = target.kind === 'exact' ? keyframeBefore(timeline, target.frame) : -1;
        const joins = current !== undefined && current.kind === target.kind && current.targets.length < MAX_GROUP_TARGETS;
        if (current && joins && (target.kind === 'keyframe' || key === lastKey))
            current.targets.push(target);
        else
            groups.push({ kind: target.kind, targets: [target] });
        lastKey = key;
    }
    return groups;
}
/** Seconds to seek to so that decoding starts at the keyframe at or before `frame` (undefined: from the start). */
function seekFor(timeline, frame) {
    if (frame === 0)
        return undefined;
    // Floored to the ms: `-ss` lands on the keyframe at or before it, never after the frame.
    const seconds = Math.floor((timeline.firstPtsTime + timeline.ms[frame] / 1000) * 1000) / 1000;
    return seconds > 0 ? seconds : undefined;
}
class PlannedDecodeLog {
    window;
    constructor(window = null) {
        this.window = window;
    }
    stats = { framesDecoded: 0, decodeErrors: 0, truncated: false, lastTimestampMs: 0 };
    errors = [];
    keyframes = 0;
    exact = 0;
    add(log) {
        this.stats.framesDecoded += log.stats.framesDecoded;
        this.stats.decodeErrors += log.stats.decodeErrors;
        this.stats.truncated ||= log.stats.truncated;
        this.errors.push(...log.errors.slice(0, Math.max(0, 20 - this.errors.length)));
    }
}
async function* decodeGroup(tools, video, plan, group, totals) {
    const { timeline } = plan;
    const first = group.targets[0];
    const start = group.kind === 'exact' ? keyframeBefore(timeline, first.frame) : first.frame;
    const log = new DecodeLog({ firstPtsTime: timeline.firstPtsTime, framesBefore: () => 0 }, plan.window);
    const pending = [...group.targets];
    const request = {
        filter: `showinfo=checksum=0,select='${ptsSelectExpression(pending.map((t) => timeline.pts[t.frame]))}',showinfo=checksum=0`,
        priority: plan.priority,
        hwaccel: plan.hwaccel,
        keyframesOnly: group.kind === 'keyframe',
        copyts: true,
        seekSeconds: seekFor(timeline, start),
    };
    const frameOf = (target, rgb, corrupt) => {
        if (target.kind === 'keyframe')
            totals.keyframes += 1;
        else
            totals.exact += 1;
        return {
            video,
            frameIndex: target.frame,
            timestampMs: Math.round(timeline.ms[target.frame]),
            width: video.width,
            height: video.height,
            rgb,
            corrupt,
            decode: target.kind,
        };
    };
    const missed = async function* (upTo) {
        // Targets before `upTo` the decoder skipped: decoded exactly, in order.
        const skipped = [];
        while (pending.length > 0 && pending[0].frame < upTo)
            skipped.push({ ...pending.shift(), kind: 'exact' });
        if (skipped.length === 0)
            return;
        if (group.kind === 'exact') {
            throw new errors/* VideoInputError */._f(`Video ${video.path}: ffmpeg did not produce frame ${skipped[0].frame}; it cannot be decoded exactly`);
        }
        for (const regroup of groupTargets(timeline, skipped))
            yield* decodeGroup(tools, video, plan, regroup, totals);
    };
    try {
        for await (const { info, rgb } of decodeRaw(tools, video, request, log)) {
            const frame = frameAt(timeline, info.pts);
            yield* missed(frame);
            const target = pending[0];
            if (target === undefined || target.frame !== frame)
                continue;
            pending.shift();
            yield frameOf(target, rgb, info.corrupt);
            if (pending.length === 0)
                break;
        }
    }
    finally {
        totals.add(log);
    }
    yield* missed(Infinity);
}
/**
 * Decodes the plan's targets and yields them in order. When it finishes, `totals` holds the decode
 * totals; the last timestamp is the packet list's last frame, which the demuxer read (only the chosen
 * frames are decoded, so a file that ends early shows as a short packet list).
 */
async function* extractPlanned(tools, video, plan, totals) {
    for (const group of groupTargets(plan.timeline, plan.targets))
        yield* decodeGroup(tools, video, plan, group, totals);
    totals.stats.lastTimestampMs = Math.round(plan.timeline.ms.at(-1) ?? 0);
    return totals.stats;
}

;// CONCATENATED MODULE: ./src/pipeline/frame-features.ts


/** Mean R, G, B of each grid cell (row-major), read on a sparse grid: means need few pixels. */
function tileMeans(image, grid = TILE_GRID) {
    const { rgb, width, height } = image;
    const sums = new Float64Array(grid * grid * 3);
    const counts = new Float64Array(grid * grid);
    const step = Math.max(1, Math.floor(Math.min(width, height) / grid / 16));
    for (let y = 0; y < height; y += step) {
        const row = Math.min(grid - 1, Math.floor((y * grid) / height)) * grid;
        for (let x = 0; x < width; x += step) {
            const cell = row + Math.min(grid - 1, Math.floor((x * grid) / width));
            const p = (y * width + x) * 3;
            sums[cell * 3] += rgb[p];
            sums[cell * 3 + 1] += rgb[p + 1];
            sums[cell * 3 + 2] += rgb[p + 2];
            counts[cell] += 1;
        }
    }
    return Array.from(sums, (sum, i) => {
        const n = counts[Math.floor(i / 3)];
        return n > 0 ? Math.round((sum / n) * 10) / 10 : 0;
    });
}
/** The features of a kept frame's analysis image; `phash` when the dedup stage already has it. */
function frameFeatures(image, phash) {
    return { phash: phash ?? phash64(image), tiles: tileMeans(image) };
}

;// CONCATENATED MODULE: ./src/pipeline/blur-judge.ts

/** Recent scores needed before a frame is judged against them. */
const BLUR_WARMUP = 3;
class BlurJudge {
    thresholds;
    recent = [];
    constructor(thresholds) {
        this.thresholds = thresholds;
    }
    /**
     * Whether `score` is far below the recent frames' median; then adds it to the recent scores (a
     * blurred frame's too, so that a long blurred stretch, such as fog, becomes the new normal).
     */
    isBlurred(score) {
        const { blurRatio, blurWindow } = this.thresholds;
        const reference = this.recent.length >= BLUR_WARMUP ? median([...this.recent].sort((a, b) => a - b)) : null;
        this.recent.push(score);
        if (this.recent.length > blurWindow)
            this.recent.shift();
        return reference !== null && blurRatio > 0 && score < blurRatio * reference;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/quality.ts


const R_WEIGHT = 0.299;
const G_WEIGHT = 0.587;
const B_WEIGHT = 0.114;
/** Luma mean and blur score of an image. Throws a RangeError when the buffer does not hold width × height × 3 bytes. */
function measureQuality(image) {
    const { width, height } = image;
    checkSize(image);
    // A plain Uint8Array view: V8 indexes it faster than the Buffer subclass.
    const rgb = new Uint8Array(image.rgb.buffer, image.rgb.byteOffset, image.rgb.length);
    if (width === 0 || height === 0)
        return { lumaMean: 0, blurScore: 0 };
    const luma = scratch(width * height);
    let sum = 0;
    for (let i = 0, p = 0; i < luma.length; i++, p += 3) {
        const y = R_WEIGHT * rgb[p] + G_WEIGHT * rgb[p + 1] + B_WEIGHT * rgb[p + 2];
        luma[i] = y;
        sum += y;
    }
    return { lumaMean: sum / luma.length, blurScore: laplacianVariance(luma, width, height) };
}
/**
 * The verdict for one frame on its own. Checks in order: corrupt, black, overexposed, and blurred
 * only by the absolute floor (`blurThreshold`, 0 = off); the first that applies is the reason. The
 * measures are computed for every frame with a well-formed buffer, corrupt or not, so they can be
 * reported. `QualityFilter` adds the check against the video's own recent frames.
 */
function assessQuality(frame, thresholds = DEFAULT_QUALITY_THRESHOLDS) {
    if (frame.corrupt && frame.rgb.length !== frame.width * frame.height * 3) {
        return { lumaMean: Number.NaN, blurScore: Number.NaN, reason: 'corrupt' };
    }
    const { lumaMean, blurScore } = measureQuality(frame);
    let reason = null;
    if (frame.corrupt)
        reason = 'corrupt';
    else if (lumaMean < thresholds.blackLuma)
        reason = 'black';
    else if (lumaMean > thresholds.overexposedLuma)
        reason = 'overexposed';
    else if (blurScore < thresholds.blurThreshold)
        reason = 'blurred';
    return { lumaMean, blurScore, reason };
}
/**
 * The quality verdicts for one video's frames, in sampling order: `assessQuality`, then a frame that
 * passed is blurred when its score is far below the video's recent frames (blur-judge.ts). The recent
 * frames start afresh at every decision checkpoint (`DEDUP_CHECKPOINT_MS` of video time), as dedup's
 * reference does, so a run over a time range that replays from the checkpoint decides exactly as a
 * run over the whole video (range-plan.ts).
 */
class QualityFilter {
    thresholds;
    blur;
    checkpoint = -1;
    constructor(thresholds = DEFAULT_QUALITY_THRESHOLDS) {
        this.thresholds = thresholds;
        this.blur = new BlurJudge(thresholds);
    }
    /** The verdict for a frame sampled at `timestampMs` (frames come in time order). */
    assess(frame, timestampMs) {
        const checkpoint = Math.floor(timestampMs / DEDUP_CHECKPOINT_MS);
        if (checkpoint !== this.checkpoint) {
            this.checkpoint = checkpoint;
            this.blur = new BlurJudge(this.thresholds);
        }
        const verdict = assessQuality(frame, this.thresholds);
        if (verdict.reason !== null)
            return verdict;
        return this.blur.isBlurred(verdict.blurScore) ? { ...verdict, reason: 'blurred' } : verdict;
    }
}
/**
 * A luma plane reused from call to call (the functions here are synchronous, so one is enough): a
 * fresh 1.2 MB array per frame costs more in page faults and garbage collection than the measure.
 */
let scratchPlane = new Float32Array(0);
function scratch(length) {
    if (scratchPlane.length < length)
        scratchPlane = new Float32Array(length);
    return scratchPlane.subarray(0, length);
}
function checkSize({ rgb, width, height }) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
        throw new RangeError(`invalid frame size ${width}x${height}`);
    }
    if (rgb.length !== width * height * 3) {
        throw new RangeError(`frame buffer holds ${rgb.length} bytes; ${width}x${height} RGB needs ${width * height * 3}`);
    }
}
/**
 * Variance of the 4-neighbour Laplacian over the interior pixels (the one-pixel border has no full
 * neighbourhood and is skipped). 0 for images smaller than 3x3.
 */
function laplacianVariance(luma, width, height) {
    if (width < 3 || height < 3)
        return 0;
    let sum = 0;
    let sumSq = 0;
    for (let y = 1; y < height - 1; y++) {
        let i = y * width + 1;
        const end = y * width + width - 1;
        for (; i < end; i++) {
            const l = luma[i - width] + luma[i + width] + luma[i - 1] + luma[i + 1] - 4 * luma[i];
            sum += l;
            sumSq += l * l;
        }
    }
    const n = (width - 2) * (height - 2);
    const mean = sum / n;
    return Math.max(0, sumSq / n - mean * mean);
}

;// CONCATENATED MODULE: ./src/pipeline/decoder-priority.ts
/** A keyframe costs about this many average frames to decode (H.264, measured: 300 keyframes in 2.3-2.9 s of CPU, 15 000 frames in 13-14.6 s). */
const KEYFRAME_COST = 9;
/** Decoded megapixels (in average-frame equivalents) per sampled frame from which decoding is the larger share of a run's CPU. */
const DECODE_BOUND_MEGAPIXELS = 16;
function chooseDecoderSetting(work) {
    if (work.gpu)
        return { lowPriority: true, reason: 'the model runs on the GPU' };
    const perFrame = (work.width * work.height) / 1e6;
    const megapixels = work.decodedPerSample * (work.keyframes ? KEYFRAME_COST : 1) * perFrame;
    const amount = `${megapixels.toFixed(1)} decoded megapixels per sampled frame`;
    if (megapixels >= DECODE_BOUND_MEGAPIXELS) {
        return { lowPriority: false, reason: `${amount}: decoding is most of the work` };
    }
    return { lowPriority: true, reason: `${amount}: inference is most of the work` };
}
/**
 * The decoder's priority while a video is decoded, following the inference workers: the lowest
 * while every worker is busy (the decoder takes only their gaps), normal as soon as one is idle (the
 * decoder gets the core it leaves). It starts from `chooseDecoderSetting`'s choice. Raising it back
 * needs the right to (not in a container without CAP_SYS_NICE): once refused, it stays the lowest.
 */
class DecoderPriority {
    current;
    set = null;
    mayRaise = true;
    /** Changes made, for the log. */
    changes = 0;
    constructor(current) {
        this.current = current;
    }
    get low() {
        return this.current;
    }
    attach(set) {
        this.set = set;
    }
    /** Every inference worker busy (true) or one idle (false). */
    follow(allBusy) {
        if (allBusy === this.current || (!allBusy && !this.mayRaise))
            return;
        const applied = this.set === null || this.set(allBusy);
        if (!applied && !allBusy) {
            this.mayRaise = false;
            return;
        }
        this.current = allBusy;
        this.changes += 1;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/write-images.ts
/** Stage 6a: one JPEG per kept frame, under a deterministic name. */



/** `<video-stem>_<frame-index, 6 digits>.jpg`, e.g. `site-walkway_000300.jpg`. */
function write_images_imageFileName(videoStem, frameIndex) {
    return `${videoStem}_${String(frameIndex).padStart(6, '0')}.jpg`;
}
/**
 * Encodes the frame as a baseline JPEG (no metadata, so the bytes depend on the pixels only). Huffman
 * tables are the standard ones: optimising them costs 2.5x the encoding time for a few % of size.
 */
async function writeFrameJpeg(frame, datasetDir, quality, name) {
    const file = external_node_path_default().join(datasetDir, DATASET_FILES.images, name);
    await (0,external_sharp_namespaceObject["default"])(frame.rgb, { raw: { width: frame.width, height: frame.height, channels: 3 } })
        .jpeg({ quality, chromaSubsampling: '4:2:0', mozjpeg: false, optimiseCoding: false })
        .toFile(file);
    return file;
}

;// CONCATENATED MODULE: ./src/pipeline/process-video.ts










/** Expected number of sampled frames (in `range`, when given), for progress and ETA. */
function expectedSamples(video, sampling, range = null) {
    if (sampling.mode === 'every-n-frames')
        return Math.ceil(video.frameCount / sampling.n);
    const endS = Math.min(video.durationSeconds, range?.endMs == null ? Infinity : range.endMs / 1000);
    const seconds = Math.max(0, endS - (range?.startMs ?? 0) / 1000);
    return Math.min(video.frameCount, Math.ceil(seconds * sampling.fps));
}
/** Where a sampled frame falls with respect to the plan: skipped, replayed (measured only), recorded, or past the end. */
function placeOf(plan, timestampMs) {
    if (plan === null)
        return 'inside';
    if (plan.range.endMs !== null && timestampMs >= plan.range.endMs)
        return 'after';
    if (timestampMs >= plan.range.startMs)
        return 'inside';
    return timestampMs >= plan.replayFromMs ? 'replay' : 'before';
}
function startBatch(job, batch) {
    const names = batch.map(({ frame }) => imageFileName(frame.video.stem, frame.frameIndex));
    const written = Promise.all(batch.map(({ frame }, i) => writeFrameJpeg(frame, job.datasetDir, job.jpegQuality, names[i])));
    // Settled at once so that a failure while an earlier batch is awaited is not "unhandled"; it is
    // rethrown when this batch is finished.
    written.catch(() => undefined);
    const detected = job.detector.detect(batch.map((p) => p.frame));
    detected.catch(() => undefined);
    return { batch, names, detected, written };
}
async function finishBatch(job, { batch, names, detected, written }) {
    const { recorder } = job;
    const { detections, inferenceMs } = await recorder.time('detect', () => detected);
    await recorder.time('write', () => written);
    const perFrameMs = inferenceMs / batch.length;
    for (const [i, { frame, measures, record, features }] of batch.entries()) {
        const found = detections[i] ?? [];
        const name = names[i];
        record({
            video: frame.video.stem,
            frameIndex: frame.frameIndex,
            timestampMs: frame.timestampMs,
            outcome: 'kept',
            ...measures,
            detections: found.length,
            inferenceMs: Math.round(perFrameMs * 10) / 10,
            imageFile: name,
        });
        recorder.recordKept({
            file: name,
            video: frame.video.stem,
            frameIndex: frame.frameIndex,
            timestampMs: frame.timestampMs,
            decode: frame.decode,
            width: frame.width,
            height: frame.height,
            detections: found,
        });
        recorder.recordFeatures(name, features);
    }
}
/** The sampled frames of a job, decoded as its plan says. */
function framesOf(job, log, priority) {
    if (job.planned !== null && log instanceof PlannedDecodeLog) {
        return extractPlanned(job.tools, job.video, { ...job.planned, priority, hwaccel: job.hwaccel }, log);
    }
    return extractFrames(job.tools, job.video, job.sampling, log, job.plan?.seekSeconds, job.hwaccel, priority, job.origin?.firstPts);
}
/** Processes one video; returns the decode's summary (frames decoded, decoder errors). */
async function processVideo(job) {
    const { recorder, video } = job;
    const dedup = new Deduplicator(job.dedupThreshold, job.dedupLocalThreshold);
    const filter = new QualityFilter(job.quality);
    const { plan } = job;
    const log = job.planned === null ? new DecodeLog(job.origin ?? plan?.origin ?? null, plan?.range ?? null) : new PlannedDecodeLog(plan?.range ?? null);
    const priority = new DecoderPriority(job.decoderLowPriority ?? true);
    let first = true;
    let batch = [];
    const inFlight = [];
    const follow = () => {
        if (job.decoderFollowsInference === true)
            priority.follow(inFlight.length >= job.detector.concurrency);
    };
    const dispatch = async () => {
        inFlight.push(await recorder.time('detect', () => startBatch(job, batch)));
        batch = [];
        follow();
    };
    // Finished oldest first: records stay in sampling order whichever worker answers first.
    const finishDownTo = async (left) => {
        while (inFlight.length > left) {
            await finishBatch(job, inFlight.shift());
            follow();
        }
    };
    try {
        let waitStart = performance.now();
        for await (const frame of framesOf(job, log, priority)) {
            recorder.addStageTime('extract', performance.now() - waitStart);
            job.signal?.throwIfAborted();
            // A decode of every frame keeps its first frame: it must come before the checkpoint. A planned
            // decode takes only its chosen frames and starts where it must.
            if (first && job.planned === null && plan !== null && plan.seekSeconds !== undefined && frame.timestampMs >= plan.replayFromMs) {
                throw new errors/* VideoInputError */._f(`Video ${video.path}: the seek to ${plan.seekSeconds} s landed at ${frame.timestampMs / 1000} s, past the dedup checkpoint at ${plan.replayFromMs / 1000} s; the range cannot be decided as in a whole run`);
            }
            first = false;
            const place = placeOf(plan, frame.timestampMs);
            if (place === 'after')
                break;
            if (place === 'before') {
                waitStart = performance.now();
                continue;
            }
            const fitted = await recorder.time('quality', () => fitForAnalysis(frame));
            const quality = await recorder.time('quality', () => filter.assess({ ...fitted, corrupt: frame.corrupt }, frame.timestampMs));
            if (place === 'replay') {
                if (quality.reason === null)
                    await recorder.time('dedup', () => dedup.check(fitted, frame.timestampMs));
                waitStart = performance.now();
                continue;
            }
            const where = { video: video.stem, frameIndex: frame.frameIndex, timestampMs: frame.timestampMs };
            const lumaMean = Number.isFinite(quality.lumaMean) ? Math.round(quality.lumaMean * 10) / 10 : null;
            const blurScore = Number.isFinite(quality.blurScore) ? Math.round(quality.blurScore * 10) / 10 : null;
            if (quality.reason !== null) {
                recorder.recordFrame({ ...where, outcome: 'dropped', reason: quality.reason, lumaMean, blurScore, phashDistance: null, localChange: null });
            }
            else {
                const { distance, localChange, duplicate, hash } = await recorder.time('dedup', () => dedup.check(fitted, frame.timestampMs));
                const measures = { lumaMean, blurScore, phashDistance: distance, localChange };
                if (duplicate) {
                    recorder.recordFrame({ ...where, outcome: 'dropped', reason: 'duplicate', ...measures });
                }
                else {
                    const features = await recorder.time('dedup', () => frameFeatures(fitted, hash));
                    batch.push({ frame: { ...frame, fitted }, measures, record: recorder.reserveFrame(), features });
                    if (batch.length >= job.detector.batchSize) {
                        await dispatch();
                        await finishDownTo(job.detector.concurrency - 1);
                    }
                }
            }
            job.progress?.tick();
            waitStart = performance.now();
        }
        if (batch.length > 0)
            await dispatch();
        await finishDownTo(0);
    }
    finally {
        // On failure or abort, let batches still running settle before the caller removes the folder.
        await Promise.allSettled(inFlight.flatMap(({ detected, written }) => [detected, written]));
    }
    return { stats: log.stats, window: log.window };
}

;// CONCATENATED MODULE: ./src/pipeline/publish.ts



async function publishRun(options, metrics, manifest, registry, logger, signal) {
    if (options.historyCsv) {
        try {
            const appended = await appendRunHistory(options.historyCsv, metrics, manifest);
            logger.info(`run appended to ${appended.file}${appended.wroteHeader ? ' (new file)' : ''}`);
        }
        catch (error) {
            logger.warn(`The run was not added to the history: ${(0,errors/* messageOf */.bD)(error)}`);
        }
    }
    if (options.pushgatewayUrl) {
        const pushed = await pushMetrics(registry, { url: options.pushgatewayUrl, site: options.site, signal });
        if (pushed.warning)
            logger.warn(pushed.warning);
        else
            logger.info(`metrics pushed to ${pushed.url} in ${pushed.ms} ms`);
    }
}

;// CONCATENATED MODULE: ./src/pipeline/range-plan.ts
/**
 * How a run over a time range decodes each video so that it decides exactly as a run over the whole
 * video: seek to the key frame before the dedup checkpoint at or before the range's start, replay
 * quality and dedup from that checkpoint (nothing recorded, nothing detected), then record the frames
 * inside the range. Frame indices come from counting the packets before the first decoded frame
 * (ffprobe, no decoding), timestamps from the file's own (`-copyts`), so both stay the whole video's.
 *
 * Why the first decoded frame must come before the checkpoint: the sampling grid keeps the first
 * frame of every 1/fps slot, and the decoder always keeps its very first frame. A first frame before
 * the checkpoint (here: at least SEEK_MARGIN_S before it) leaves every slot after it sampled as in the
 * whole run.
 */




/** Seconds before the checkpoint to seek to (the key frame at or before it is where decoding starts). */
const SEEK_MARGIN_S = 1;
/** Packets listed past the seek point, so that the key frame decoding starts at is among them. */
const LIST_PAST_SEEK_S = 10;
/** The dedup checkpoint at or before `ms`. */
function checkpointBefore(ms) {
    return Math.floor(ms / DEDUP_CHECKPOINT_MS) * DEDUP_CHECKPOINT_MS;
}
/** Counts frames before a pts from the listed packets (sorted by pts; discarded ones never become frames). */
function originFromPackets(video, packets) {
    const shown = packets.filter((p) => !p.discard && Number.isFinite(p.pts)).sort((a, b) => a.pts - b.pts);
    const first = shown[0];
    if (first === undefined)
        throw new errors/* VideoInputError */._f(`Video ${video.path}: ffprobe listed no video packets; it cannot be cut into ranges`);
    const shownPts = Float64Array.from(shown, (p) => p.pts);
    const lastPts = shownPts[shownPts.length - 1];
    return {
        firstPtsTime: first.ptsTime,
        framesBefore(pts) {
            if (pts > lastPts) {
                throw new errors/* VideoInputError */._f(`Video ${video.path}: decoding after the seek started past the listed packets (pts ${pts}); the range's frame indices cannot be placed`);
            }
            return lowerBound(shownPts, pts);
        },
    };
}
async function planRange(tools, video, range) {
    if (range.startMs >= video.durationSeconds * 1000) {
        throw new errors/* VideoInputError */._f(`Video ${video.path} is ${video.durationSeconds.toFixed(3)} s long; the range starts at ${range.startMs / 1000} s, after its end`);
    }
    const replayFromMs = checkpointBefore(range.startMs);
    const seek = replayFromMs / 1000 - SEEK_MARGIN_S;
    if (seek <= 0)
        return { range, replayFromMs, seekSeconds: undefined, origin: null };
    const packets = await listPacketTimes(tools, video.path, seek + LIST_PAST_SEEK_S);
    return { range, replayFromMs, seekSeconds: seek, origin: originFromPackets(video, packets) };
}

;// CONCATENATED MODULE: ./src/pipeline/decode-plan.ts



/** Frames a decode of every frame reads for each sample. */
function everyFramePerSample(video, sampling) {
    return Math.max(1, sampling.mode === 'fps' ? video.fps / sampling.fps : sampling.n);
}
async function planDecode(tools, video, requested, sampling, range, 
/** The video's packets when already listed (its probe listed them). */
packets = null) {
    if (requested === 'all')
        return { mode: 'all', reason: 'asked for', planned: null, decodedPerSample: everyFramePerSample(video, sampling), origin: null };
    const timeline = timelineFromPackets(video, packets ?? await scanPackets(tools, video.path));
    const interval = intervalMs(sampling, video.fps);
    const choice = requested === 'auto' ? chooseDecodeMode(interval, timeline.ms, timeline.keyframes) : null;
    if (choice?.mode === 'all') {
        return { mode: 'all', reason: `auto: ${choice.reason}`, planned: null, decodedPerSample: everyFramePerSample(video, sampling), origin: originFromTimeline(timeline) };
    }
    const all = chooseTargets(slotTimes(sampling, timeline.ms), timeline.ms, timeline.keyframes, interval * TOLERANCE_SHARE);
    // A range decodes from its dedup checkpoint (replayed, not recorded) to its end; the choice itself
    // is made over the whole video, so it is the same as a whole run's.
    const targets = range === null
        ? all
        : all.filter((t) => {
            const ms = Math.round(timeline.ms[t.frame]);
            return ms >= range.replayFromMs && (range.range.endMs === null || ms < range.range.endMs);
        });
    const exact = targets.filter((t) => t.kind === 'exact').length;
    const why = choice === null ? 'asked for' : `auto: ${choice.reason}`;
    return {
        mode: 'keyframes',
        reason: `${why}; ${targets.length - exact} keyframes, ${exact} decoded exactly`,
        planned: { timeline, targets, window: range?.range ?? null },
        decodedPerSample: timeline.keyframes.length / Math.max(1, all.length),
        origin: null,
    };
}

;// CONCATENATED MODULE: ./src/pipeline/run.ts
/**
 * Orchestrates a run: validate everything cheap first (tools, output folder, model config, weights,
 * videos), then stream every video through the stages into a staging folder, write COCO, metrics and
 * report, write the manifest last, and rename the staging folder into place.
 */





































function datasetPaths(outDir) {
    const entries = Object.entries(DATASET_FILES).map(([key, rel]) => [key, external_node_path_default().join(outDir, rel)]);
    return Object.fromEntries(entries);
}
function withOverrides(config, options) {
    return {
        ...config,
        confidence: options.confidence ?? config.confidence,
        iou: options.iou ?? config.iou,
        maxDetections: options.maxDetections ?? config.maxDetections,
        executionProviders: options.executionProviders ?? config.executionProviders,
    };
}
/**
 * With the model on CUDA, decode on the GPU too when ffmpeg can here (tried on the first video at run
 * time); otherwise, or when that fails, on the CPU, saying why.
 */
async function chooseDecoder(tools, detector, firstVideo, logger) {
    if (!detector.providers.includes('cuda'))
        return undefined;
    const { works, reason } = await cudaDecodeWorks(tools, firstVideo);
    if (works)
        logger.info('decoding on the GPU (ffmpeg -hwaccel cuda)');
    else
        logger.info(`decoding on the CPU: ffmpeg cannot decode with CUDA here (${reason})`);
    return works ? 'cuda' : undefined;
}
/** Model config, weights and the detector, loaded while the videos are probed. */
async function loadDetector(options, hooks, logger, beforeDownload) {
    const loaded = await loadModelConfig(options.modelConfig);
    const modelConfig = withOverrides(loaded.config, options);
    const { env, ...modelHooks } = hooks.model ?? {};
    const name = hooks.nameOf ?? run_options_cliName;
    const model = await resolveModel(loaded, {
        ...modelHooks,
        download: {
            stallTimeoutMs: options.stallTimeoutSeconds * 1000,
            deadlineMs: options.downloadTimeoutSeconds * 1000,
            timeoutNames: { stall: name('stall-timeout'), deadline: name('download-timeout') },
            onRetry: (message) => logger.warn(message),
            ...modelHooks.download,
        },
        names: { model: name('model'), sha256: name('model-sha256'), env: env ?? null },
        modelPath: options.modelPath,
        modelUrl: options.modelUrl,
        modelSha256: options.modelSha256,
        beforeDownload,
        onWarning: (message) => logger.warn(message),
    });
    const detector = await Detector.create({
        modelPath: model.path,
        config: modelConfig,
        classFilter: options.classes ?? undefined,
        workers: options.inferenceWorkers,
        onWarning: (message) => logger.warn(message),
    });
    return { modelConfig, model, detector };
}
async function prepareVideo(tools, info, options, packets) {
    const plan = options.timeRange === null ? null : await planRange(tools, info, options.timeRange);
    return { plan, decode: await planDecode(tools, info, options.decode, options.sampling, plan, packets) };
}
/**
 * Probes every video. The first one's packets are listed by the same ffprobe call when its decode
 * mode needs them (the others' while the video before them is processed).
 */
function probeVideos(tools, options, name) {
    return Promise.all(options.videos.map(async (file, i) => {
        if (i === 0 && options.decode !== 'all')
            return probeVideoWithPackets(tools, file, i, name);
        return { info: await probeVideo(tools, file, i, name), packets: null, ffprobeVersion: null };
    }));
}
/** `make(index)` started at most once per index: later calls get the same promise (its rejection handled when it is awaited). */
function oncePerIndex(make) {
    const started = new Map();
    return (index) => {
        let promise = started.get(index);
        if (promise === undefined) {
            promise = make(index);
            promise.catch(() => undefined);
            started.set(index, promise);
        }
        return promise;
    };
}
/** The run's input files, which `--overwrite` must never delete. */
function inputFiles(options) {
    const files = [...options.videos];
    if (options.modelPath !== null)
        files.push(options.modelPath);
    if (!Object.hasOwn(PRESETS, options.modelConfig))
        files.push(options.modelConfig);
    if (options.historyCsv !== null)
        files.push(options.historyCsv);
    return files;
}
/** True for a write that failed because the disk is full (Node's ENOSPC, or libvips' message for it). */
function isDiskFull(error) {
    if (error?.code === 'ENOSPC')
        return true;
    return /no space left on device/i.test((0,errors/* messageOf */.bD)(error));
}
function diskFullError(error, staging, outDir, name) {
    const file = error.path ?? staging;
    return new errors/* OutputError */.u7(`Cannot write ${file}: disk full (ENOSPC); nothing was written to ${outDir}; free space there or choose another ${name('out')}`, { cause: error });
}
async function runPipeline(options, hooks = {}) {
    const startedAt = new Date();
    const runId = (0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex');
    const logger = (hooks.logger ?? silentLogger()).child({ runId, site: options.site });
    const name = hooks.nameOf ?? run_options_cliName;
    // Found now, versions read while the videos are probed.
    const paths = locateFfmpegTools(options.ffmpegPath ?? undefined, name('ffmpeg-path'));
    await checkOutputDir(options.outDir, options.overwrite, name, { inputs: inputFiles(options) });
    if (options.historyCsv)
        await checkRunHistory(options.historyCsv);
    await createOutputParent(options.outDir, name);
    const lock = await lockOutput(options.outDir, name, (message) => logger.warn(message)).catch((error) => {
        throw isDiskFull(error) ? diskFullError(error, lockPathOf(options.outDir), options.outDir, name) : error;
    });
    try {
        return await runLocked(options, hooks, { startedAt, runId, logger, name, paths, stallTimeout: { seconds: options.stallTimeoutSeconds, name: name('stall-timeout') } });
    }
    finally {
        await lock.release();
    }
}
/** What the run recorded for one video since `before` (its stage times), for the checkpoint. */
function finishedVideo(recorder, index, before) {
    const record = recorder.videos.at(-1);
    const { info, ...rest } = record;
    const kept = recorder.kept.filter((k) => k.video === info.stem);
    return {
        index,
        record: rest,
        frames: recorder.frames.filter((f) => f.video === info.stem),
        kept,
        features: kept.map((k) => [k.file, recorder.features.get(k.file)]),
        stageMs: Object.fromEntries(STAGES.map((stage) => [stage, recorder.stageMs[stage] - before[stage]])),
    };
}
/** Puts a finished video's records back into the recorder, as processing it did. */
function restoreVideo(recorder, info, done) {
    recorder.recordVideo({ info, ...done.record });
    for (const frame of done.frames)
        recorder.recordFrame(frame);
    for (const image of done.kept)
        recorder.recordKept(image);
    for (const [file, features] of done.features)
        recorder.recordFeatures(file, features);
    for (const stage of STAGES)
        recorder.addStageTime(stage, done.stageMs[stage]);
}
async function runLocked(options, hooks, start) {
    const { startedAt, runId, logger, name, paths, stallTimeout } = start;
    const recorder = new RunRecorder();
    // The videos are probed while the model loads and ffmpeg's version is read. A model download
    // waits for the probe, and a video's error is reported before the model's: a wrong video path
    // never waits for a download. A tool that does not run is reported before either.
    // The first video's decode is planned as soon as it is probed (its packets come with its probe),
    // also while the model loads; each later one while the video before it is processed. A video is
    // hashed while it is decoded (a day of camera video is gigabytes: seconds of reading before the
    // first frame otherwise); a resume hashes the videos it skips, to check them.
    const probeTools = { ffprobe: { path: paths.ffprobe }, stallTimeout };
    const probing = probeVideos(probeTools, options, name);
    const probeTimed = recorder.time('probe', () => probing);
    // ffmpeg's version is read beside the probe, not after it: the decode waits for both.
    const toolsReady = withVersions(paths, probing.then((videos) => videos[0]?.ffprobeVersion ?? null))
        .then((found) => ({ ...found, stallTimeout }));
    const prepare = (info, packets) => prepareVideo(probeTools, info, options, packets);
    const firstPlans = probing.then((videos) => prepare(videos[0].info, videos[0].packets));
    firstPlans.catch(() => undefined);
    const loading = loadDetector(options, hooks, logger, () => probing.then(() => undefined));
    const [toolsResult, probeResult, loadResult] = await Promise.allSettled([toolsReady, probeTimed, loading]);
    const failure = [toolsResult, probeResult, loadResult].find((result) => result.status === 'rejected');
    if (failure !== undefined) {
        if (loadResult.status === 'fulfilled')
            await loadResult.value.detector.release();
        throw failure.reason;
    }
    const tools = toolsResult.value;
    logger.info(`using ${tools.ffmpeg.version} (${tools.ffmpeg.path}, from ${tools.source})`);
    const probed = probeResult.value;
    // Each video's sha256 (manifest, metrics, checkpoint), read once: started when the video is
    // decoded, so reading it overlaps the decode, or when a resume checks a video it skips.
    const sha256Of = oncePerIndex((index) => sha256File(probed[index].info.path));
    const { modelConfig, model, detector } = loadResult.value;
    let staging = null;
    let committed = false;
    try {
        hooks.signal?.throwIfAborted();
        for (const { info } of probed) {
            logger.info(`probed ${external_node_path_default().basename(info.path)}: ${info.codec} ${info.width}x${info.height} @ ${info.fps} fps, ${info.durationSeconds} s, ${info.frameCount} frames`, { video: info.stem, stage: 'probe' });
        }
        logger.info(`model ${modelConfig.name}: ${model.path} (sha256 ${model.sha256.slice(0, 12)}…, ${model.origin}), running on ${detector.providers.join(', ')}`);
        const hwaccel = await chooseDecoder(tools, detector, probed[0].info.path, logger);
        const identity = runIdentity({
            options,
            tool: TOOL_VERSION,
            ffmpeg: tools.ffmpeg.version,
            modelConfig,
            modelSha256: model.sha256,
            videos: probed.map(({ info }) => ({ path: info.path, stem: info.stem })),
        });
        staging = await openRunStaging({
            outDir: options.outDir,
            identity,
            resume: options.resume,
            subdirs: [DATASET_FILES.images, external_node_path_default().dirname(DATASET_FILES.coco)],
            name,
            logger,
            sha256Of,
        });
        const dir = staging.dir;
        // Each video's plans, made while the video before it is processed; none for the videos a resume skips.
        const planned = oncePerIndex((index) => (index === 0 ? firstPlans : prepare(probed[index].info, null)));
        const finished = staging.finished;
        for (const [index, { info }] of probed.entries()) {
            hooks.signal?.throwIfAborted();
            const done = finished[index];
            if (done !== undefined) {
                restoreVideo(recorder, info, done);
                logger.info(`${info.stem}: finished by the interrupted run (${done.frames.length} sampled, ${done.kept.length} kept); not processed again`, { video: info.stem, stage: 'extract' });
                continue;
            }
            const current = planned(index);
            const following = probed.findIndex((_, i) => i > index && finished[i] === undefined);
            if (following !== -1)
                void planned(following);
            const before = { ...recorder.stageMs };
            const hashing = sha256Of(index);
            // The probe stage counts only the wait: planning mostly overlaps the model's load or the video before.
            const { plan, decode } = await recorder.time('probe', () => current);
            if (plan) {
                const from = plan.seekSeconds === undefined ? 'the first frame' : `the key frame before ${plan.seekSeconds} s`;
                logger.info(`range ${time_range_describeRange(plan.range)} of ${info.stem}: decoding from ${from}, dedup replayed from ${plan.replayFromMs / 1000} s`, { video: info.stem, stage: 'extract' });
            }
            const setting = chooseDecoderSetting({
                gpu: detector.providers.includes('cuda'),
                decodedPerSample: decode.decodedPerSample,
                keyframes: decode.mode === 'keyframes',
                width: info.width,
                height: info.height,
            });
            logger.info(`decoding ${info.stem}: ${decode.mode} (${decode.reason}); at ${setting.lowPriority ? 'the lowest' : 'normal'} priority (${setting.reason})`, { video: info.stem, stage: 'extract' });
            const progress = hooks.progress?.(info.stem, expectedSamples(info, options.sampling, options.timeRange)) ?? null;
            const log = await processVideo({
                tools,
                video: info,
                sampling: options.sampling,
                quality: options.quality,
                dedupThreshold: options.dedupThreshold,
                dedupLocalThreshold: options.dedupLocalThreshold,
                decoderLowPriority: setting.lowPriority,
                decoderFollowsInference: !detector.providers.includes('cuda'),
                hwaccel,
                detector,
                plan,
                planned: decode.planned,
                origin: decode.origin,
                datasetDir: dir,
                jpegQuality: options.jpegQuality,
                recorder,
                progress,
                signal: hooks.signal,
            }).finally(() => progress?.finish());
            const cut = truncation(info, log.stats, log.window);
            if (cut !== null && options.strict)
                throw truncatedError(info, log.stats, cut);
            recorder.recordVideo({
                info,
                sha256: await hashing,
                decode: { mode: decode.mode, reason: decode.reason },
                framesDecoded: log.stats.framesDecoded,
                decodeErrors: log.stats.decodeErrors,
                ...(cut === null ? {} : { truncatedAtMs: log.stats.lastTimestampMs }),
            });
            await staging.checkpoint.add(finishedVideo(recorder, index, before));
            const rows = recorder.frames.filter((f) => f.video === info.stem);
            logger.info(`processed ${info.stem}: ${log.stats.framesDecoded} decoded, ${rows.length} sampled, ${rows.filter((r) => r.outcome === 'kept').length} kept`, { video: info.stem, stage: 'extract' });
        }
        hooks.signal?.throwIfAborted();
        const categories = options.classes ?? [...detector.classNames];
        const cocoContext = { site: options.site, toolVersion: TOOL_VERSION, categories, videoOrder: probed.map((p) => p.info.stem) };
        const coco = buildCoco(recorder.kept, cocoContext);
        await recorder.time('write', () => (0,promises_namespaceObject.writeFile)(external_node_path_default().join(dir, DATASET_FILES.coco), serializeCoco(coco)));
        await recorder.time('write', async () => {
            const { selection, selectedOnly, exports } = await writeLabelling({
                dir,
                kept: recorder.kept,
                features: recorder.features,
                select: options.select,
                selectOnly: options.selectOnly,
                coco,
                cocoContext,
                exports: {
                    formats: options.exports,
                    site: options.site,
                    modelClasses: detector.classNames,
                    modelVersion: `${modelConfig.name}@${model.sha256.slice(0, 12)}`,
                    labelStudioImages: options.labelStudioImages,
                    colorOf: classColors(detector.classNames, categories),
                },
            });
            if (selection)
                recorder.recordSelection(selection, selectedOnly);
            for (const record of exports)
                recorder.recordExport(record);
        });
        recorder.finish();
        const metrics = computeMetrics(recorder, {
            site: options.site,
            classNames: detector.classNames,
            classFilter: options.classes,
            videoSeconds: probed.reduce((acc, { info }) => acc + processedSeconds(info.durationSeconds, options.timeRange), 0),
            pricePerHour: options.pricePerHour,
            executionProviders: detector.providers,
        });
        logStageSummary(logger, metrics);
        for (const warning of metrics.dataLoss)
            logger.warn(describeDataLoss(warning, name));
        const manifest = buildManifest({
            runId,
            startedAt,
            finishedAt: new Date(),
            options,
            modelConfig,
            model,
            classNames: [...detector.classNames],
            providers: [...detector.providers],
            decoder: hwaccel ?? 'cpu',
            tools,
            videos: recorder.videos,
            metrics,
            toolVersion: TOOL_VERSION,
            gitCommit: await toolCommit(),
        });
        // Written after the metrics they render, so their time is logged rather than counted in them; the
        // HTML report is bounded (at most MAX_THUMBNAILS thumbnails, a capped number of timeline tracks).
        const reportStart = performance.now();
        const registry = await writeReports(dir, recorder, metrics, manifest, hooks.gates?.(metrics) ?? [], name);
        logger.info(`reports written in ${Math.round(performance.now() - reportStart)} ms`, { stage: 'write' });
        await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(dir, DATASET_FILES.manifest), `${JSON.stringify(manifest, null, 2)}
`);
        await (0,promises_namespaceObject.rm)(staging.checkpoint.file);
        await commitStagingDir(dir, options.outDir);
        committed = true;
        logger.info(`dataset written to ${options.outDir}: ${metrics.images} images, ${metrics.detections.total} detections`);
        await publishRun(options, metrics, manifest, registry, logger, hooks.signal);
        return {
            outDir: options.outDir,
            metrics,
            manifest,
            files: datasetPaths(options.outDir),
        };
    }
    catch (error) {
        if (committed)
            throw error;
        // Ctrl-C in a terminal reaches ffmpeg too: its death can surface as a decode error a moment before
        // the signal's own handler runs. One turn of the event loop lets the abort land first.
        if (hooks.signal !== undefined && !hooks.signal.aborted)
            await new Promise((resolve) => setImmediate(resolve));
        const reason = hooks.signal?.reason;
        if (hooks.signal?.aborted === true && staging !== null && staging.checkpoint.finished > 0) {
            const kept = `${staging.checkpoint.finished} of ${probed.length} videos finished and kept in ${staging.dir}`;
            if (reason instanceof errors/* InterruptedError */.p4) {
                throw new errors/* InterruptedError */.p4(`${reason.message}; ${kept}; run again with ${name('resume')} to continue`, reason.signal);
            }
            throw reason;
        }
        if (staging !== null)
            await discardStagingDir(staging.dir);
        if (hooks.signal?.aborted === true) {
            if (reason instanceof errors/* InterruptedError */.p4)
                throw new errors/* InterruptedError */.p4(`${reason.message} before any video finished; nothing was kept`, reason.signal);
            throw reason;
        }
        if (isDiskFull(error))
            throw diskFullError(error, staging?.dir ?? stagingDirOf(options.outDir), options.outDir, name);
        throw error;
    }
    finally {
        await detector.release();
    }
}

;// CONCATENATED MODULE: ./src/cli/args.ts
/** argv → RawOptions, with the CLI-only flags (log format, debug, help). */


const VALUE_OPTIONS = [
    'out', 'site', 'sample-fps', 'every-n-frames', 'decode', 'start', 'end', 'model', 'model-sha256', 'model-config', 'dedup-threshold', 'dedup-local-threshold', 'confidence', 'iou',
    'max-detections', 'classes', 'black-luma', 'overexposed-luma', 'blur-threshold', 'blur-ratio', 'blur-window', 'jpeg-quality', 'inference-workers', 'ffmpeg-path',
    'pushgateway-url', 'history-csv', 'price-per-hour', 'execution-providers', 'export', 'label-studio-images', 'select',
    'stall-timeout', 'download-timeout',
];
const COMMANDS = ['run', 'merge', 'cost', 'help', 'version'];
const FLAG_OPTIONS = ['video', 'overwrite', 'resume', 'strict', 'select-only', 'log-format', 'debug', 'help'];
/** `--opt -1` → `--opt=-1`: parseArgs takes a value that starts with "-" for an option otherwise. */
function joinNegativeValues(args) {
    const valued = new Set(VALUE_OPTIONS.map((name) => `--${name}`));
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const next = args[i + 1];
        if (valued.has(arg) && next !== undefined && /^-\d/.test(next)) {
            out.push(`${arg}=${next}`);
            i++;
        }
        else {
            out.push(arg);
        }
    }
    return out;
}
function parseCliArgs(argv, env = process.env) {
    const [command, ...rest] = argv;
    if (command === undefined)
        return { command: 'usage', raw: {}, parts: [], logFormat: 'text', debug: false };
    if (command === 'help' || command === '--help' || command === '-h') {
        return { command: 'help', raw: {}, parts: [], logFormat: 'text', debug: false };
    }
    if (command === '--version' || command === 'version')
        return { command: 'version', raw: {}, parts: [], logFormat: 'text', debug: false };
    if (command === 'merge')
        return parseMergeArgs(rest);
    if (command === 'cost')
        return { command: 'cost', raw: {}, parts: [...rest], logFormat: 'text', debug: rest.includes('--debug') };
    if (command !== 'run') {
        const hint = (0,errors/* didYouMean */.au)(command.replace(/^-+/, ''), COMMANDS, (name) => `\`dataset-gen ${name}\``);
        throw new errors/* UsageError */.eb(`Unknown command "${command}"${hint}; the commands are \`dataset-gen run\`, \`dataset-gen merge\` and \`dataset-gen cost\` (see dataset-gen --help)`);
    }
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: joinNegativeValues(rest),
            strict: true,
            allowPositionals: false,
            options: {
                video: { type: 'string', multiple: true },
                overwrite: { type: 'boolean' },
                resume: { type: 'boolean' },
                strict: { type: 'boolean' },
                'select-only': { type: 'boolean' },
                'log-format': { type: 'string' },
                debug: { type: 'boolean' },
                help: { type: 'boolean', short: 'h' },
                ...Object.fromEntries(VALUE_OPTIONS.map((name) => [name, { type: 'string' }])),
            },
        });
    }
    catch (error) {
        const message = error.message.split('\n')[0]?.replace(/\. To specify a positional.*$/, '').replace(/\.$/, '');
        const unknown = /^Unknown option '--?([^'=]+)/.exec(message ?? '')?.[1];
        const hint = unknown === undefined ? '' : (0,errors/* didYouMean */.au)(unknown, [...FLAG_OPTIONS, ...VALUE_OPTIONS], (name) => `--${name}`);
        throw new errors/* UsageError */.eb(`${message}${hint}; see dataset-gen run --help`);
    }
    const values = parsed.values;
    if (values.help)
        return { command: 'help', raw: {}, parts: [], logFormat: 'text', debug: false };
    const logFormat = values['log-format'] ?? 'text';
    if (logFormat !== 'text' && logFormat !== 'json')
        throw (0,errors/* invalidParameterError */.pn)('--log-format', '"text" or "json"', logFormat);
    const raw = {
        video: values.video,
        overwrite: values.overwrite === true,
        resume: values.resume === true,
        strict: values.strict === true,
        'select-only': values['select-only'] === true,
    };
    for (const name of VALUE_OPTIONS) {
        const value = values[name];
        if (typeof value === 'string')
            raw[name] = value;
    }
    raw.model ??= env.DATASET_GEN_MODEL || undefined;
    return { command: 'run', raw, parts: [], logFormat, debug: values.debug === true };
}
function usageFrom(error, command) {
    const message = error.message.split('\n')[0]?.replace(/\. To specify a positional.*$/, '').replace(/\.$/, '');
    return new errors/* UsageError */.eb(`${message}; see dataset-gen ${command} --help`);
}
function logFormatOf(value) {
    const logFormat = value ?? 'text';
    if (logFormat !== 'text' && logFormat !== 'json')
        throw (0,errors/* invalidParameterError */.pn)('--log-format', '"text" or "json"', logFormat);
    return logFormat;
}
/** `dataset-gen merge <dataset>... --out <dir> [--overwrite] [--select n [--select-only]]`. */
function parseMergeArgs(rest) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: [...rest],
            strict: true,
            allowPositionals: true,
            options: {
                out: { type: 'string' },
                overwrite: { type: 'boolean' },
                select: { type: 'string' },
                'select-only': { type: 'boolean' },
                'log-format': { type: 'string' },
                debug: { type: 'boolean' },
                help: { type: 'boolean', short: 'h' },
            },
        });
    }
    catch (error) {
        throw usageFrom(error, 'merge');
    }
    const { values, positionals } = parsed;
    if (values.help)
        return { command: 'help', raw: {}, parts: [], logFormat: 'text', debug: false };
    if (positionals.length === 0)
        throw (0,errors/* invalidParameterError */.pn)('dataset-gen merge', 'one or more dataset folders', 'none');
    if (!values.out)
        throw (0,errors/* invalidParameterError */.pn)('--out', 'the folder of the merged dataset', values.out);
    return {
        command: 'merge',
        raw: {
            out: values.out,
            overwrite: values.overwrite === true,
            ...(values.select === undefined ? {} : { select: values.select }),
            ...(values['select-only'] === true ? { 'select-only': true } : {}),
        },
        parts: positionals,
        logFormat: logFormatOf(values['log-format']),
        debug: values.debug === true,
    };
}

;// CONCATENATED MODULE: ./src/cost/figures.ts
/**
 * Throughput figures and prices the cost calculator starts from. The CPU figures are measured
 * (docs/performance.md, `npm run bench`); the GPU figures are estimates, each with its basis; the
 * prices are dated defaults to override (`--price`). Everything here is an input, not a promise.
 */
/**
 * 2 vCPU (the GitHub-hosted runner's shape), onnxruntime CPU, `npm run bench` medians of 3 rounds
 * (docs/performance.md, "Figures, three workloads", 2026-12-02, in the Docker image's environment:
 * its allocator settings, as the Action runs): the sample (79.5 s, 768x576, 10 fps, 795 frames) at
 * 1 frame/s, 80 frames kept: full run 5.91 s, decode-all floor 1.06 s; the camera-like video (10 min,
 * 25 fps, a keyframe every 2 s): its 300 keyframes decoded alone in 2.90 s.
 */
const CPU_2VCPU = {
    secondsPerSampledFrame: (5.91 - 1.06) / 80,
    decodeSecondsPerFrame: 1.06 / 795,
    keyframeDecodeSeconds: 2.9 / 300,
    kind: 'measured',
    basis: 'npm run bench on 2 vCPU: full 5.91 s, decode floor 1.06 s for 80 sampled of 795 frames; 300 keyframes in 2.90 s (docs/performance.md)',
};
/**
 * g4dn.xlarge (T4, 4 vCPU): not measured here (no GPU on the build machines). Inference on the GPU is
 * a few ms a frame; what remains is the CPU work per frame measured on the 2-vCPU runs (analysis
 * resize, letterbox, output decoding, JPEG: about 50 ms of CPU a frame, spread over 4 vCPUs), and
 * NVDEC decoding instead of the CPU's.
 */
const GPU_T4 = {
    secondsPerSampledFrame: 0.02,
    decodeSecondsPerFrame: 0.0004,
    // A keyframe costs about 9 average frames to decode on the CPU (docs/performance.md); assumed alike on NVDEC.
    keyframeDecodeSeconds: 0.0036,
    kind: 'estimate',
    basis: '50 ms CPU/frame of non-inference work (measured) over 4 vCPU + ~5 ms T4 inference; NVDEC ~2500 frames/s at 0.44 MP, a keyframe ~9 frames',
};
/** Date the default prices were taken (AWS us-east-1 Linux on-demand list prices; spot: typical price). */
const PRICES_AS_OF = '2025-06';
const INSTANCES = {
    'github-2core': { name: 'github-2core', onDemand: 0.48, spot: null, throughput: CPU_2VCPU },
    'g4dn.xlarge': { name: 'g4dn.xlarge', onDemand: 0.526, spot: 0.2, throughput: GPU_T4 },
    'g5.xlarge': {
        name: 'g5.xlarge', onDemand: 1.006, spot: 0.4,
        throughput: { ...GPU_T4, basis: `${GPU_T4.basis}; A10G taken as at least as fast as the T4` },
    },
    'g6.xlarge': {
        name: 'g6.xlarge', onDemand: 0.805, spot: 0.35,
        throughput: { ...GPU_T4, basis: `${GPU_T4.basis}; L4 taken as at least as fast as the T4` },
    },
};
/** Pixels of the benchmark video; decode time is scaled by the sites' frame size against it. */
const BENCH_PIXELS = 768 * 576;

;// CONCATENATED MODULE: ./src/cost/estimate.ts
/**
 * Fleet sizing: how much compute a number of sites' video needs a day, how many runners that keeps
 * busy, and what a month costs. Pure arithmetic over the figures (figures.ts) and the caller's inputs.
 */

/** Frames per keyframe below which `--decode auto` decodes every frame (src/pipeline/keyframe-choice.ts). */
const estimate_MIN_FRAMES_PER_KEYFRAME = 4;
/**
 * What `--decode auto` settles on for cameras with regular keyframes, by the pipeline's rule
 * (src/pipeline/keyframe-choice.ts `chooseDecodeMode`; a test keeps the two in step): keyframes only
 * when they are at most one sampling interval apart and there are at least 4 frames per keyframe.
 */
function decodeModeFor(input) {
    const interval = 1 / input.sampleFps;
    return input.keyframeInterval <= interval && input.videoFps * input.keyframeInterval >= estimate_MIN_FRAMES_PER_KEYFRAME ? 'keyframes' : 'all';
}
/** Compute seconds one video-hour takes on `instance`: decoding (every frame, or only the keyframes) plus the sampled frames' work. */
function computeSecondsPerVideoHour(input) {
    const t = input.instance.throughput;
    const scale = (input.width * input.height) / BENCH_PIXELS;
    const decode = decodeModeFor(input) === 'keyframes'
        ? (3600 / input.keyframeInterval) * t.keyframeDecodeSeconds * scale
        : 3600 * input.videoFps * t.decodeSecondsPerFrame * scale;
    return decode + 3600 * input.sampleFps * t.secondsPerSampledFrame;
}
function estimateFleet(input) {
    const perVideoHour = computeSecondsPerVideoHour(input);
    const videoHoursPerDay = input.sites * input.hoursPerDay;
    const jobsPerDay = input.sites * Math.ceil(input.hoursPerDay / input.hoursPerJob);
    const runnerSecondsPerDay = videoHoursPerDay * perVideoHour + jobsPerDay * input.jobOverheadSeconds;
    const runnerHoursPerDay = runnerSecondsPerDay / 3600;
    const price = input.pricePerHour ?? (input.spot ? input.instance.spot ?? input.instance.onDemand : input.instance.onDemand);
    return {
        computeSecondsPerVideoHour: perVideoHour,
        videoHoursPerDay,
        jobsPerDay,
        runnerHoursPerDay,
        runnersNeeded: Math.ceil(runnerHoursPerDay / (24 * input.utilisation)),
        pricePerHour: price,
        costPerVideoHour: videoHoursPerDay === 0 ? 0 : (runnerHoursPerDay * price) / videoHoursPerDay,
        monthlyCost: runnerHoursPerDay * price * input.daysPerMonth,
        figures: input.instance.throughput.kind,
        basis: input.instance.throughput.basis,
    };
}

;// CONCATENATED MODULE: ./src/cli/cost.ts
/**
 * `dataset-gen cost` (`npm run cost -- …`): runners needed and monthly cost for a number of sites,
 * from the throughput figures and dated prices of src/cost/ (every one overridable).
 */





const NUMBERS = {
    sites: { default: '1', integer: true, range: { min: 1, max: 1_000_000 } },
    'hours-per-day': { default: '24', integer: false, range: { min: 0, max: 24, minExclusive: true } },
    'sample-fps': { default: '1', integer: false, range: { min: 0, max: 240, minExclusive: true } },
    'video-fps': { default: '25', integer: false, range: { min: 0, max: 240, minExclusive: true } },
    'keyframe-interval': { default: '2', integer: false, range: { min: 0, max: 3600, minExclusive: true } },
    width: { default: '1920', integer: true, range: { min: 16, max: 16384 } },
    height: { default: '1080', integer: true, range: { min: 16, max: 16384 } },
    'hours-per-job': { default: '1', integer: false, range: { min: 0, max: 24, minExclusive: true } },
    'job-overhead': { default: '120', integer: false, range: { min: 0, max: 3600 } },
    utilisation: { default: '0.8', integer: false, range: { min: 0, max: 1, minExclusive: true } },
    'days-per-month': { default: '30', integer: false, range: { min: 1, max: 31 } },
};
const COST_HELP = `dataset-gen cost — runners and monthly cost for many sites

Usage:
  dataset-gen cost [--sites 500] [--hours-per-day 24] [--sample-fps 0.1] [--instance g4dn.xlarge] [--spot]

  --instance <name>       ${Object.keys(INSTANCES).join(', ')} (default: github-2core)
  --spot                  spot price (default: on demand)
  --price <usd/h>         price per runner-hour (default: the instance's, as of ${PRICES_AS_OF})
${Object.entries(NUMBERS).map(([name, spec]) => `  --${name.padEnd(21)} default ${spec.default}`).join('\n')}

CPU figures are measured (docs/performance.md); GPU figures are estimates (docs/scaling.md).
`;
function parseCostArgs(args) {
    let values;
    try {
        ({ values } = (0,external_node_util_namespaceObject.parseArgs)({
            args: [...args],
            strict: true,
            options: {
                instance: { type: 'string' },
                spot: { type: 'boolean' },
                price: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
                ...Object.fromEntries(Object.keys(NUMBERS).map((name) => [name, { type: 'string' }])),
            },
        }));
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`${error.message.split('\n')[0]}; see dataset-gen cost --help`);
    }
    if (values.help)
        return 'help';
    const number = (name) => {
        const spec = NUMBERS[name];
        const raw = values[name] ?? spec.default;
        const parsed = spec.integer ? parseInteger(raw, `--${name}`, spec.range) : parseDecimal(raw, `--${name}`, spec.range);
        return parsed ?? Number(spec.default);
    };
    const instanceName = values.instance ?? 'github-2core';
    const instance = Object.hasOwn(INSTANCES, instanceName) ? INSTANCES[instanceName] : undefined;
    if (!instance)
        throw (0,errors/* invalidParameterError */.pn)('--instance', `one of ${Object.keys(INSTANCES).join(', ')}`, instanceName);
    return {
        sites: number('sites'),
        hoursPerDay: number('hours-per-day'),
        sampleFps: number('sample-fps'),
        videoFps: number('video-fps'),
        keyframeInterval: number('keyframe-interval'),
        width: number('width'),
        height: number('height'),
        instance,
        spot: values.spot === true,
        pricePerHour: parseDecimal(values.price, '--price', { min: 0, max: 1000 }),
        hoursPerJob: number('hours-per-job'),
        jobOverheadSeconds: number('job-overhead'),
        utilisation: number('utilisation'),
        daysPerMonth: number('days-per-month'),
    };
}
/** What `--decode auto` does for these cameras, and why. */
function describeDecoding(input) {
    const every = +(1 / input.sampleFps).toFixed(2);
    if (decodeModeFor(input) === 'keyframes')
        return `keyframes only (one every ${input.keyframeInterval} s, a sample every ${every} s; --decode auto)`;
    const why = input.keyframeInterval > every
        ? `keyframes every ${input.keyframeInterval} s are further apart than a sample every ${every} s`
        : `${+(input.videoFps * input.keyframeInterval).toFixed(1)} frames per keyframe leave too little to skip`;
    return `every frame (${why}; --decode auto)`;
}
function renderEstimate(input, e) {
    const usd = (n) => `$${n.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })}`;
    const priceNote = input.pricePerHour === null ? ` (${input.spot ? 'spot' : 'on demand'}, default as of ${PRICES_AS_OF})` : ' (given)';
    return [
        `${input.sites} site(s) x ${input.hoursPerDay} h/day at ${input.sampleFps} frame(s)/s, ${input.width}x${input.height} @ ${input.videoFps} fps, on ${input.instance.name}`,
        `  decoding                 ${describeDecoding(input)}`,
        `  compute per video-hour   ${e.computeSecondsPerVideoHour.toFixed(0)} s (${e.figures}: ${e.basis})`,
        `  video per day            ${e.videoHoursPerDay.toLocaleString('en-US')} h in ${e.jobsPerDay.toLocaleString('en-US')} jobs of ${input.hoursPerJob} h`,
        `  runner-hours per day     ${e.runnerHoursPerDay.toFixed(1)} (job overhead ${input.jobOverheadSeconds} s each)`,
        `  runners needed           ${e.runnersNeeded} (busy ${Math.round(input.utilisation * 100)} % of the day)`,
        `  price per runner-hour    ${usd(e.pricePerHour)}${priceNote}`,
        `  cost per video-hour      ${usd(e.costPerVideoHour)}`,
        `  monthly cost             ${usd(e.monthlyCost)} (${input.daysPerMonth} days)`,
        '',
    ].join('\n');
}
function runCost(args) {
    const input = parseCostArgs(args);
    if (input === 'help')
        return COST_HELP;
    return renderEstimate(input, estimateFleet(input));
}

;// CONCATENATED MODULE: ./src/cli/help.ts





const q = DEFAULT_QUALITY_THRESHOLDS;
const HELP = `dataset-gen — turn site video into a pre-tagged COCO dataset

Usage:
  dataset-gen run --video <file> [--video <file> ...] --out <dir> [options]
  dataset-gen merge <dataset> [<dataset> ...] --out <dir> [--overwrite] [--select <n> [--select-only]]
  dataset-gen cost [--sites n] [--hours-per-day h] [--instance name] [--spot] ... (cost --help)
  dataset-gen --help | --version

merge joins datasets made with the same model and config (e.g. the time ranges of a long
video, processed by separate jobs) into one: images and annotations of each, unique ids,
metrics and report computed again, a labelling budget (--select) chosen again over all
the frames, the parts listed in manifest.json. merge --select <n> chooses a budget of its
own over the merged frames instead of the parts' (which must have been made with --select,
any n, as it chooses from their selection-features.json); --select-only goes with it.

Input and output:
  --video <file>            input video; repeat for several (required)
  --out <dir>               dataset folder to create (required); written to a temporary
                            sibling and renamed into place when the run succeeds
  --overwrite               replace --out when it holds a previous dataset (default: refuse);
                            never /, the home or working folder, or a folder holding an input
  --resume                  continue a run into --out that was killed or interrupted, from
                            what it finished (same options and inputs, else refused)
  --strict                  refuse a truncated video instead of using the frames that decode
  --site <name>             site name recorded in COCO, metrics and report
                            (default: the first video's file name without extension)

Sampling:
  --sample-fps <n>          frames to sample per second of video (default: 1)
  --every-n-frames <n>      sample every n-th decoded frame instead of a rate
  --start <time>            process each video from this time: seconds (90.5) or hh:mm:ss
                            (default: its start); frame indices and timestamps stay those of
                            the whole video, so ranges can be merged (dataset-gen merge)
  --end <time>              stop before this time (default: the video's end)
  --decode <mode>           auto, all or keyframes (default: auto). keyframes decodes only the
                            keyframe nearest each sample (within half the interval; a sample
                            with none that near is decoded exactly); all decodes every frame;
                            auto takes keyframes when they are at most one interval apart and
                            at most 1 in 4 frames

Filtering:
  --dedup-threshold <n>     drop a frame whose pHash Hamming distance to the last kept
                            frame is at most n; -1 disables (default: ${DEFAULT_DEDUP_THRESHOLD})
  --dedup-local-threshold <n>
                            drop it only if also no cell of a 32x32 luma grid changed by
                            more than n levels, 0-255; 255 leaves it to the pHash
                            (default: ${DEFAULT_DEDUP_LOCAL_THRESHOLD})
  --black-luma <n>          drop frames with mean luma below n, 0-255 (default: ${q.blackLuma})
  --overexposed-luma <n>    drop frames with mean luma above n, 0-255 (default: ${q.overexposedLuma})
  --blur-ratio <0-1>        drop frames whose blur score (variance of the Laplacian) is below
                            this share of the median of the video's recent frames; 0 disables
                            (default: ${q.blurRatio})
  --blur-window <n>         recent frames that make that median (default: ${q.blurWindow})
  --blur-threshold <n>      also drop frames whose blur score is below n, whatever the video;
                            0 disables (default: ${q.blurThreshold})

Detection:
  --model <file.onnx|url>   ONNX weights, a file or an https:// URL downloaded into the cache
                            (default: $DATASET_GEN_MODEL, else the model config's source;
                            the preset's is the bundled models/yolov8n.onnx)
  --model-sha256 <hex>      expected sha256 of --model; a different file is refused
  --model-config <file|preset>
                            model config JSON or preset (default: ${DEFAULT_PRESET};
                            presets: ${Object.keys(PRESETS).join(', ')})
  --confidence <0-1>        minimum detection score (default: from the config, 0.25)
  --iou <0-1>               IoU threshold of non-maximum suppression (default: config, 0.45)
  --max-detections <n>      detections kept per image (default: config, 300)
  --execution-providers <list>
                            onnxruntime providers in order, e.g. cuda,cpu (default: the model
                            config's, cpu); CUDA that cannot load falls back to the CPU with a warning
  --classes <a,b,...>       keep only these class names (default: all)

Labelling:
  --export <formats>        annotation formats beside annotations/instances.json, comma-separated:
                            coco, yolo, label-studio, cvat (default: coco; COCO is always written)
  --label-studio-images <prefix>
                            put before each image's file name in the Label Studio tasks: a URL
                            prefix, Label Studio's local-files path or a folder
                            (default: ${DEFAULT_LABEL_STUDIO_IMAGES})
  --select <n>              labelling budget: choose n kept frames to label (every class seen, rarest
                            first, then the least alike), written to selection.json (default: none)
  --select-only             the exports hold only the selected frames (needs --select)

Output and tools:
  --jpeg-quality <1-100>    JPEG quality of the images (default: 90)
  --inference-workers <n>   model sessions detecting different frames at once, each holding a
                            copy of the model; "auto": 2 on a CPU with 2+ cores, 1 with CUDA
                            (default: auto)
  --ffmpeg-path <path>      ffmpeg binary (ffprobe beside it) or their folder
                            (default: PATH, then the bundled npm binaries)
  --stall-timeout <s>       stop ffprobe when it gives no answer, and ffmpeg or a model download
                            when it makes no progress, for this many seconds (default: ${DEFAULT_STALL_TIMEOUT_SECONDS})
  --download-timeout <s>    a model download may take this long in all, retries included
                            (default: ${DEFAULT_DOWNLOAD_TIMEOUT_SECONDS})
  --pushgateway-url <url>   push the run's Prometheus metrics to this Pushgateway, job
                            dataset-gen, grouped by site; a failed push is a warning (default: none)
  --history-csv <file>      append one row per run to this CSV (created with a header) (default: none)
  --price-per-hour <usd>    price of the machine per hour: the report shows the run's cost and
                            its cost per video-hour (default: none; compute time is always shown)
  --log-format text|json    log lines on stderr (default: text)
  --debug                   print stack traces of errors

Environment:
  DATASET_GEN_MODEL         default for --model
  DATASET_GEN_CACHE         download cache for URL model sources (default: ~/.cache/dataset-gen)

Exit codes:
${Object.entries(errors/* EXIT_CODES */.ai).map(([name, code]) => `  ${String(code).padStart(3)}  ${name}`).join('\n')}
`;

;// CONCATENATED MODULE: ./src/cli/main.ts
/** The CLI: argv → Options → runPipeline, errors → one line and an exit code. */











async function runCli(argv, io) {
    let debug = argv.includes('--debug');
    try {
        const args = parseCliArgs(argv, io.env);
        debug = args.debug;
        if (args.command === 'help') {
            io.stdout.write(HELP);
            return 0;
        }
        if (args.command === 'usage') {
            io.stderr.write(HELP);
            return errors/* EXIT_CODES */.ai.usage;
        }
        if (args.command === 'version') {
            io.stdout.write(`dataset-gen ${TOOL_VERSION}\n`);
            return 0;
        }
        if (args.command === 'cost') {
            io.stdout.write(runCost(args.parts));
            return 0;
        }
        if (args.command === 'merge') {
            const logger = createLogger({ format: args.logFormat, level: args.debug ? 'debug' : 'info', stream: io.stderr });
            const budget = labellingBudget(args.raw);
            const merged = await mergeDatasets({
                parts: args.parts,
                outDir: external_node_path_default().resolve(io.cwd, args.raw.out ?? ''),
                overwrite: args.raw.overwrite === true,
                cwd: io.cwd,
                ...(budget.select === null ? {} : { budget: { select: budget.select, selectOnly: budget.selectOnly } }),
            }, { logger });
            io.stdout.write(`${merged.outDir}\n`);
            return 0;
        }
        const options = resolveOptions(args.raw, undefined, io.cwd);
        const logger = createLogger({ format: args.logFormat, level: args.debug ? 'debug' : 'info', stream: io.stderr });
        const result = await runPipeline(options, {
            logger,
            signal: io.signal,
            model: { env: 'DATASET_GEN_MODEL' },
            progress: (label, total) => createProgress({ total, label, stream: io.stderr, format: args.logFormat, logger: io.stderr.isTTY && args.logFormat === 'text' ? undefined : logger }),
        });
        io.stdout.write(`${result.outDir}\n`);
        return 0;
    }
    catch (error) {
        const known = error instanceof errors/* DatasetGenError */.HY;
        const detail = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
        io.stderr.write(`dataset-gen: ${known ? '' : 'internal error: '}${(0,errors/* messageOf */.bD)(error)}${detail}\n`);
        if (!known && !debug)
            io.stderr.write('dataset-gen: run again with --debug for the stack trace, and report it\n');
        return (0,errors/* exitCodeOf */.FO)(error);
    }
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FO: () => (/* binding */ exitCodeOf),
/* harmony export */   HY: () => (/* binding */ DatasetGenError),
/* harmony export */   _f: () => (/* binding */ VideoInputError),
/* harmony export */   ai: () => (/* binding */ EXIT_CODES),
/* harmony export */   au: () => (/* binding */ didYouMean),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   me: () => (/* binding */ ModelError),
/* harmony export */   p4: () => (/* binding */ InterruptedError),
/* harmony export */   pn: () => (/* binding */ invalidParameterError),
/* harmony export */   u7: () => (/* binding */ OutputError),
/* harmony export */   v4: () => (/* binding */ ToolError),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony exports QualityGateError, describeValue, closestName */
/**
 * User-facing errors. Each class carries the process exit code the CLI returns for it, so a script
 * (or the Action) can tell bad input from a broken model from a bug. The README's exit-code table is
 * generated from `EXIT_CODES`; keep them in step.
 */
const EXIT_CODES = {
    ok: 0,
    internal: 1,
    usage: 2,
    video: 3,
    model: 4,
    config: 5,
    output: 6,
    tool: 7,
    gate: 8,
    /** Stopped by SIGINT (Ctrl-C): 128 + 2, as a shell reports it. */
    sigint: 130,
    /** Stopped by SIGTERM (a cancelled job, a pre-empted runner): 128 + 15. */
    sigterm: 143,
};
class DatasetGenError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
/** A command-line option or Action input is missing, malformed or out of range. */
class UsageError extends DatasetGenError {
    exitCode = EXIT_CODES.usage;
}
/** An input video is missing, unreadable, not a video, or cannot be decoded to the end. */
class VideoInputError extends DatasetGenError {
    exitCode = EXIT_CODES.video;
}
/** The model weights cannot be found, downloaded, verified or used. */
class ModelError extends DatasetGenError {
    exitCode = EXIT_CODES.model;
}
/** A model-config file or preset is missing or has an invalid field. */
class ConfigError extends DatasetGenError {
    exitCode = EXIT_CODES.config;
}
/** The output folder cannot be used (exists and is not empty without --overwrite, not writable, disk full, in use by another run). */
class OutputError extends DatasetGenError {
    exitCode = EXIT_CODES.output;
}
/** ffmpeg/ffprobe cannot be found or fails for a reason that is not the input's fault. */
class ToolError extends DatasetGenError {
    exitCode = EXIT_CODES.tool;
}
/** The dataset was written but misses a quality gate (minimum images, maximum drop ratio). */
class QualityGateError extends (/* unused pure expression or super */ null && (DatasetGenError)) {
    exitCode = EXIT_CODES.gate;
}
/** The run was stopped by a signal; its exit code is the shell's for that signal (130, 143). */
class InterruptedError extends DatasetGenError {
    signal;
    exitCode;
    constructor(message, signal, options) {
        super(message, options);
        this.signal = signal;
        this.exitCode = signal === 'SIGINT' ? EXIT_CODES.sigint : EXIT_CODES.sigterm;
    }
}
/** Renders any value as a readable string, for values that are not `Error`s. */
function describeValue(value) {
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (value === undefined)
        return 'nothing';
    if (typeof value === 'number' || typeof value === 'boolean' || value === null)
        return String(value);
    try {
        return JSON.stringify(value);
    }
    catch {
        return String(value);
    }
}
/**
 * The one shape for a bad parameter: "Expected <expected> for <name> but received <actual>".
 */
function invalidParameterError(name, expected, actual) {
    return new UsageError(`Expected ${expected} for ${name} but received ${describeValue(actual)}`);
}
/** Edit distance counting an insertion, a deletion, a substitution or a swap of neighbours as one typo. */
function typoDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}
/**
 * The name `typed` was probably meant to be, for "did you mean" hints (class names, options,
 * commands): the same name in another case; else the closest within a few typos (a third of its
 * length, at least one); else the one name that has it as a whole dash-separated part ("fps" →
 * "sample-fps"). Undefined when nothing is close.
 */
function closestName(typed, candidates) {
    const wanted = typed.trim().toLowerCase();
    if (wanted === '')
        return undefined;
    const folded = candidates.find((name) => name.toLowerCase() === wanted);
    if (folded !== undefined)
        return folded;
    let best;
    let bestDistance = Math.max(1, Math.floor(wanted.length / 3)) + 1;
    for (const name of candidates) {
        const distance = typoDistance(wanted, name.toLowerCase());
        if (distance < bestDistance)
            [best, bestDistance] = [name, distance];
    }
    if (best !== undefined)
        return best;
    const containing = candidates.filter((name) => name.toLowerCase().split(/[-_ ]/).includes(wanted));
    return containing.length === 1 ? containing[0] : undefined;
}
/** ` (did you mean "x"?)` for the closest of `candidates` (shown with `show`), or ''. */
function didYouMean(typed, candidates, show = (name) => `"${name}"`) {
    const closest = closestName(typed, candidates);
    return closest === undefined ? '' : ` (did you mean ${show(closest)}?)`;
}
/** The message of any thrown value, `Error` or not. */
function messageOf(value) {
    if (value instanceof Error)
        return value.message;
    // An Error from another realm (a vm context, a worker) fails instanceof but still has a message.
    if (typeof value === 'object' && value !== null && typeof value.message === 'string') {
        return value.message;
    }
    return typeof value === 'string' ? value : describeValue(value);
}
/** Exit code for any thrown value: the error's own code, or 1 for anything unexpected. */
function exitCodeOf(value) {
    return value instanceof DatasetGenError ? value.exitCode : EXIT_CODES.internal;
}


/***/ }),

/***/ 9907:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("cluster");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 2987:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("perf_hooks");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 1493:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("v8");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
