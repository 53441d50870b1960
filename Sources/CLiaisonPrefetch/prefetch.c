#include "liaison_prefetch.h"
