package knownmiss

import "sync"

// fyne-io/fyne#3134, "CachedFontFace seems to be causing crash" (fatal
// error: concurrent map writes, internal/painter/font.go): the font cache
// is a sync.Map of *fontCacheItem, and CachedFontFace fills the faces map
// of the item it loads with no lock. Nothing in the package runs
// CachedFontFace in a goroutine: the windows that render text at once are
// in other packages, so the write is missed (doc.go, "Concurrency
// contracts of other packages"). The fix, FontCachedFixed below, locks a
// mutex of the item around both accesses (a per-key lock guarding its own
// entry's map: silent).

type fontOptions struct{ Size float64 }

type fontFace struct{ opts fontOptions }

type fontCacheItem struct {
	font  string
	faces map[fontOptions]*fontFace
}

var fontCache = &sync.Map{} // map[string]*fontCacheItem

func CachedFontFace(style string, opts *fontOptions) *fontFace {
	val, ok := fontCache.Load(style)
	if !ok {
		val = &fontCacheItem{font: style, faces: make(map[fontOptions]*fontFace)}
		fontCache.Store(style, val)
	}

	comp := val.(*fontCacheItem)
	face := comp.faces[*opts]
	if face == nil {
		face = &fontFace{opts: *opts}
		comp.faces[*opts] = face // missed: the concurrent callers are in other packages
	}
	return face
}

type fontCacheItemFixed struct {
	font       string
	faces      map[fontOptions]*fontFace
	facesMutex sync.RWMutex
}

var fontCacheFixed = &sync.Map{} // map[string]*fontCacheItemFixed

func CachedFontFaceFixed(style string, opts *fontOptions) *fontFace {
	val, ok := fontCacheFixed.Load(style)
	if !ok {
		val = &fontCacheItemFixed{font: style, faces: make(map[fontOptions]*fontFace)}
		fontCacheFixed.Store(style, val)
	}

	comp := val.(*fontCacheItemFixed)
	comp.facesMutex.RLock()
	face := comp.faces[*opts]
	comp.facesMutex.RUnlock()
	if face == nil {
		face = &fontFace{opts: *opts}
		comp.facesMutex.Lock()
		comp.faces[*opts] = face
		comp.facesMutex.Unlock()
	}
	return face
}
