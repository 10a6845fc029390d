// Copyright 2026 The libdiff Authors.
#include "libdiff/status.h"

#include <gtest/gtest.h>

namespace libdiff {
namespace {

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(Status, CarriesCodeAndMessage) {
  Status s = Status::Corruption("store /x: bad magic");
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(s.IsCorruption());
  EXPECT_EQ(s.message(), "store /x: bad magic");
  EXPECT_EQ(s.ToString(), "corruption: store /x: bad magic");
}

TEST(Status, WithContextPrefixesMessageAndKeepsCode) {
  Status s = Status::NotFound("no revision 4").WithContext("a.html");
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_EQ(s.message(), "a.html: no revision 4");
  EXPECT_TRUE(Status::OK().WithContext("x").ok());
}

Result<int> Half(int x) {
  if (x % 2) return Status::InvalidArgument("odd");
  return x / 2;
}

Status UseHalf(int x, int* out) {
  LIBDIFF_ASSIGN_OR_RETURN(*out, Half(x));
  return Status::OK();
}

TEST(Result, HoldsValueOrStatus) {
  auto a = Half(4);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(*a, 2);
  auto b = Half(3);
  ASSERT_FALSE(b.ok());
  EXPECT_TRUE(b.status().IsInvalidArgument());
  int out = 0;
  EXPECT_TRUE(UseHalf(8, &out).ok());
  EXPECT_EQ(out, 4);
  EXPECT_TRUE(UseHalf(7, &out).IsInvalidArgument());
}

}  // namespace
}  // namespace libdiff
