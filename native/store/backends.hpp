// The two ways open_store builds a store (open_store.cpp dispatches).
#pragma once

#include <memory>

#include "application_store.hpp"
#include "location.hpp"

namespace powerdesk::store {

std::unique_ptr<ApplicationStore> open_sqlite_store(const StoreLocation& location);
std::unique_ptr<ApplicationStore> open_postgres_store(const StoreLocation& location);

}  // namespace powerdesk::store
